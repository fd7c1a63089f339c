package org.nmis.ingestion.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.nmis.movement.service.TransitionLog;

/**
 * A service's log on a one-partition Kafka topic: synchronous appends (a change is done when the
 * broker has it, acks=all) and a replay of everything so far, from which the service rebuilds its
 * state after a restart. The movement workflow's log, and under {@link SmsOutboxLog} the SMS
 * outbox's.
 */
public final class KafkaLog implements TransitionLog, AutoCloseable {
  private final String bootstrapServers;
  private final String topic;
  private final KafkaProducer<String, byte[]> producer;

  public KafkaLog(String bootstrapServers, String topic) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    // A movement manifest of a full 24-coach train is about 300 KiB of JSON; leave room for more.
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 * 1024 * 1024));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  /** Appends one message and waits until the broker has it. */
  @Override
  public void append(String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, 0, key, value)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("NMIS-LOG-001: interrupted while writing to " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "NMIS-LOG-002: the log "
              + topic
              + " at "
              + bootstrapServers
              + " did not take the message: "
              + e.getMessage()
              + "; the change was not made, retry when Kafka is back",
          e);
    }
  }

  /** Reads the whole log, oldest first, up to the end as it is now. */
  @Override
  public void replay(java.util.function.Consumer<byte[]> apply) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      Map<TopicPartition, Long> end = consumer.endOffsets(List.of(tp));
      long last = end.get(tp);
      while (consumer.position(tp) < last) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          apply.accept(r.value());
        }
      }
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
