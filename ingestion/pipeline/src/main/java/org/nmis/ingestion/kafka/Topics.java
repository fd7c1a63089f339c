package org.nmis.ingestion.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the service's topics where they are missing, on the embedded broker or on a cluster; a
 * topic that exists is left exactly as it is (its partitions and settings are the operator's).
 */
public final class Topics {
  private Topics() {}

  /** A topic as the service needs it: its name, partitions and settings. */
  public record Spec(String name, int partitions, Map<String, String> configs) {
    public Spec {
      if (name == null || name.isBlank() || partitions < 1 || configs == null) {
        throw new IllegalArgumentException("a topic needs a name, partitions >= 1 and settings");
      }
      configs = Map.copyOf(configs);
    }
  }

  /**
   * Creates each missing topic with {@code replicationFactor} replicas; with more than one, writes
   * need {@code minInSync} of them ({@code min.insync.replicas}; the producers ask for all).
   */
  public static void ensure(
      Admin admin, String where, int replicationFactor, int minInSync, List<Spec> topics) {
    for (Spec spec : topics) {
      Map<String, String> configs = new HashMap<>(spec.configs());
      if (replicationFactor > 1) {
        configs.put("min.insync.replicas", Integer.toString(minInSync));
      }
      NewTopic topic =
          new NewTopic(spec.name(), spec.partitions(), (short) replicationFactor).configs(configs);
      try {
        admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException(
              "NMIS-KAF-001: could not create topic "
                  + spec.name()
                  + " on "
                  + where
                  + " ("
                  + e.getCause().getMessage()
                  + "); check that "
                  + replicationFactor
                  + " brokers are up (nmis.kafka.replication-factor), or create it yourself",
              e.getCause());
        }
      } catch (TimeoutException e) {
        throw new IllegalStateException(
            "NMIS-KAF-002: creating topic " + spec.name() + " timed out on " + where, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while creating topic " + spec.name(), e);
      }
    }
  }
}
