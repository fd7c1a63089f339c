package org.nmis.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Runs one Apache Kafka node in KRaft combined mode (broker + controller) in this JVM.
 *
 * <pre>
 * --dir &lt;dataDir&gt; --port &lt;brokerPort&gt; --controller-port &lt;port&gt; [--parent-pid &lt;pid&gt;] [--log-retention-hours N]
 *   [--node-id N --voters 1@host:port,2@host:port,3@host:port --cluster-id ID]
 * </pre>
 *
 * Alone (the embedded default) it is a one-node cluster with a dynamic quorum. With {@code
 * --voters} it is one node of a cluster with a static controller quorum of those nodes, all
 * formatted with the same {@code --cluster-id}; internal topics are then replicated to three nodes
 * (at most the voters' count) and need two in sync. Storage is formatted only on the first start,
 * so a restart on the same directory keeps every topic and record.
 */
public final class BrokerMain {

  private BrokerMain() {}

  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    Path dataDir = options.dataDir().toAbsolutePath();
    Path logDir = dataDir.resolve("logs");
    Files.createDirectories(logDir);

    // Started before the (slow) format and start-up so that a parent killed meanwhile still takes
    // us down.
    options.parentPid().ifPresent(BrokerMain::exitWhenParentExits);
    if (options.parentPid().isPresent()) {
      // Ctrl-C in a terminal signals the whole process group: the parent stops its streaming
      // queries first
      // and then this broker (SIGTERM), so the broker must not go first on the same SIGINT.
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    }

    Path serverProperties = dataDir.resolve("server.properties");
    writeServerProperties(serverProperties, options, logDir);

    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(
          serverProperties,
          options.clusterId().isPresent() ? options.clusterId().get() : clusterId(dataDir),
          options.voters().isEmpty());
    }

    // Blocks until the broker shuts down; its own shutdown hook makes SIGTERM / System.exit a clean
    // stop.
    Kafka.main(new String[] {serverProperties.toString()});
  }

  static void writeServerProperties(Path file, Options options, Path logDir) throws IOException {
    String broker = "127.0.0.1:" + options.port();
    String controller = "127.0.0.1:" + options.controllerPort();
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", Integer.toString(options.nodeId()));
    p.setProperty("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + broker);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    if (options.voters().isPresent()) {
      // A static quorum of the cluster's nodes: each knows every voter from the start.
      p.setProperty("controller.quorum.voters", options.voters().get());
    } else {
      // Dynamic quorum (KIP-853), as `format --standalone` expects: the node finds the quorum
      // through this address.
      p.setProperty("controller.quorum.bootstrap.servers", controller);
    }
    int nodes = options.voters().map(v -> v.split(",").length).orElse(1);
    String replicas = Integer.toString(Math.min(3, nodes));
    String inSync = Integer.toString(Math.min(2, nodes));
    p.setProperty("log.dirs", logDir.toString());
    p.setProperty("num.partitions", "8");
    p.setProperty("default.replication.factor", replicas);
    p.setProperty("min.insync.replicas", inSync);
    p.setProperty("offsets.topic.replication.factor", replicas);
    p.setProperty("share.coordinator.state.topic.replication.factor", replicas);
    p.setProperty("share.coordinator.state.topic.min.isr", inSync);
    p.setProperty("transaction.state.log.replication.factor", replicas);
    p.setProperty("transaction.state.log.min.isr", inSync);
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "false");
    options
        .logRetentionHours()
        .ifPresent(h -> p.setProperty("log.retention.hours", Integer.toString(h)));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(out, "Written by " + BrokerMain.class.getName() + " on every start");
    }
  }

  /**
   * Persisted so that a format interrupted half-way is retried with the same id instead of a
   * conflicting one.
   */
  static String clusterId(Path dataDir) throws IOException {
    Path file = dataDir.resolve("cluster.id");
    if (Files.exists(file)) {
      String id = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (!id.isEmpty()) {
        return id;
      }
    }
    String id = Uuid.randomUuid().toString();
    Files.writeString(file, id + System.lineSeparator(), StandardCharsets.UTF_8);
    return id;
  }

  static void format(Path serverProperties, String clusterId, boolean standalone) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "format",
                "--ignore-formatted",
                "-t",
                clusterId,
                "-c",
                serverProperties.toString()));
    if (standalone) {
      args.add(1, "--standalone");
    }
    int exitCode;
    try {
      // execute(), not main(): main() ends the JVM through Kafka's Exit even on success.
      exitCode = StorageTool.execute(args.toArray(String[]::new), System.out);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Formatting Kafka storage failed: " + e.getMessage(), e);
    }
    if (exitCode != 0) {
      throw new IllegalStateException("Formatting Kafka storage failed with exit code " + exitCode);
    }
  }

  static void exitWhenParentExits(long parentPid) {
    Thread watchdog =
        new Thread(
            () -> {
              Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
              parent.ifPresent(handle -> handle.onExit().join());
              PrintStream err = System.err;
              err.println(
                  "[BrokerMain] parent process " + parentPid + " is gone, stopping the broker");
              System.exit(0);
            },
            "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  record Options(
      Path dataDir,
      int port,
      int controllerPort,
      Optional<Long> parentPid,
      Optional<Integer> logRetentionHours,
      int nodeId,
      Optional<String> voters,
      Optional<String> clusterId) {

    static Options parse(String[] args) {
      Path dir = null;
      Integer port = null;
      Integer controllerPort = null;
      Long parentPid = null;
      Integer retention = null;
      int nodeId = 1;
      String voters = null;
      String clusterId = null;
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw usage("missing value for " + name);
        }
        String value = args[++i];
        switch (name) {
          case "--dir" -> dir = Path.of(value);
          case "--port" -> port = parseInt(name, value);
          case "--controller-port" -> controllerPort = parseInt(name, value);
          case "--parent-pid" -> parentPid = Long.parseLong(value);
          case "--log-retention-hours" -> retention = parseInt(name, value);
          case "--node-id" -> nodeId = parseInt(name, value);
          case "--voters" -> voters = value;
          case "--cluster-id" -> clusterId = value;
          default -> throw usage("unknown option " + name);
        }
      }
      if (dir == null || port == null || controllerPort == null) {
        throw usage("--dir, --port and --controller-port are required");
      }
      if ((voters == null) != (clusterId == null)) {
        throw usage("--voters and --cluster-id go together: every node of a cluster needs both");
      }
      return new Options(
          dir,
          port,
          controllerPort,
          Optional.ofNullable(parentPid),
          Optional.ofNullable(retention),
          nodeId,
          Optional.ofNullable(voters),
          Optional.ofNullable(clusterId));
    }

    private static int parseInt(String name, String value) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw usage(name + " needs a number, got " + value);
      }
    }

    private static IllegalArgumentException usage(String problem) {
      return new IllegalArgumentException(
          problem
              + System.lineSeparator()
              + "usage: BrokerMain --dir <dataDir> --port <brokerPort> --controller-port <port>"
              + " [--parent-pid <pid>] [--log-retention-hours N]"
              + " [--node-id N --voters 1@host:port,... --cluster-id ID]");
    }
  }
}
