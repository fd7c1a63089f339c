package org.nmis.ingestion.broker;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.nmis.ingestion.kafka.Topics;

/**
 * A real Apache Kafka broker (KRaft combined mode) in a child JVM, started from the {@code
 * nmis-kafka-broker} module.
 *
 * <p>The broker runs in its own JVM because its kafka-clients 4.x must not share a classpath with
 * Spark's kafka-clients. The child watches this JVM's pid and exits when it is gone, so even a
 * {@code kill -9} of this process leaves no orphan broker behind.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final String MAIN_CLASS = "org.nmis.broker.BrokerMain";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final int LOG_TAIL_LINES = 20;
  private static final int LOG_ERROR_LINES = 10;

  /**
   * Where the broker's classes live: its jar and the directory holding its runtime dependencies.
   */
  public record Distribution(Path jar, Path libDir) {

    public Distribution {
      jar = jar.toAbsolutePath().normalize();
      libDir = libDir.toAbsolutePath().normalize();
    }

    /**
     * System properties {@code nmis.broker.jar} / {@code nmis.broker.lib} (set by the failsafe
     * configuration), else {@code ingestion/kafka-broker/target/} found by walking up from the
     * working directory.
     */
    public static Distribution locate() {
      String jar = System.getProperty("nmis.broker.jar");
      String lib = System.getProperty("nmis.broker.lib");
      if (jar != null
          && lib != null
          && Files.isRegularFile(Path.of(jar))
          && Files.isDirectory(Path.of(lib))) {
        return new Distribution(Path.of(jar), Path.of(lib));
      }
      for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
        Path target = dir.resolve("ingestion").resolve("kafka-broker").resolve("target");
        Optional<Path> brokerJar = brokerJarIn(target);
        if (brokerJar.isPresent() && Files.isDirectory(target.resolve("lib"))) {
          return new Distribution(brokerJar.get(), target.resolve("lib"));
        }
      }
      throw new IllegalStateException(
          "The Kafka broker is not built (looked at -Dnmis.broker.jar="
              + jar
              + ", -Dnmis.broker.lib="
              + lib
              + " and ingestion/kafka-broker/target/ above "
              + Path.of("").toAbsolutePath()
              + "). Run `./mvnw -DskipTests install` first.");
    }

    private static Optional<Path> brokerJarIn(Path target) {
      if (!Files.isDirectory(target)) {
        return Optional.empty();
      }
      try (Stream<Path> files = Files.list(target)) {
        return files
            .filter(
                f -> {
                  String name = f.getFileName().toString();
                  return name.startsWith("nmis-kafka-broker-")
                      && name.endsWith(".jar")
                      && !name.endsWith("-sources.jar")
                      && !name.endsWith("-tests.jar");
                })
            .findFirst();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Process process;
  private final Admin admin;
  private final int port;
  private final Path logFile;
  private final Thread shutdownHook;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedKafkaBroker(Process process, Admin admin, int port, Path logFile) {
    this.process = process;
    this.admin = admin;
    this.port = port;
    this.logFile = logFile;
    this.shutdownHook = new Thread(this::stop, "embedded-kafka-broker-stop");
  }

  /** Starts a broker on {@code port} (0 = any free port), keeping its data in {@code dataDir}. */
  public static EmbeddedKafkaBroker start(Path dataDir, int port) {
    return start(dataDir, port, Distribution.locate());
  }

  public static EmbeddedKafkaBroker start(Path dataDir, int port, Distribution distribution) {
    Path dir = dataDir.toAbsolutePath().normalize();
    int brokerPort = port == 0 ? freePort() : port;
    int controllerPort = freePort(brokerPort);
    Path logFile = dir.resolve("broker.log");
    Process process;
    long logStart;
    try {
      Files.createDirectories(dir);
      logStart = Files.exists(logFile) ? Files.size(logFile) : 0L;
      process =
          new ProcessBuilder(command(distribution, dir, brokerPort, controllerPort))
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not launch the Kafka broker JVM, see " + logFile, e);
    }

    Admin admin = null;
    try {
      // The admin client logs a warning on every refused connection: let it connect only once the
      // broker
      // listens, so that a normal start logs none.
      StartLog startLog = new StartLog(logFile, logStart);
      awaitListening(process, brokerPort, startLog);
      admin = Admin.create(adminConfig(brokerPort));
      awaitReady(process, admin, startLog);
    } catch (RuntimeException | Error e) {
      if (admin != null) {
        admin.close(Duration.ZERO);
      }
      kill(process);
      throw e;
    }
    EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(process, admin, brokerPort, logFile);
    Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
    return broker;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Pid of the broker JVM. */
  public long pid() {
    return process.pid();
  }

  public Path logFile() {
    return logFile;
  }

  /** Creates the topic with replication factor 1; an existing topic is left as it is. */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    createTopics(List.of(new Topics.Spec(name, partitions, configs)));
  }

  /** Creates the topics with replication factor 1; existing ones are left as they are. */
  public void createTopics(List<Topics.Spec> topics) {
    Topics.ensure(admin, bootstrapServers(), 1, 1, topics);
  }

  @Override
  public void close() {
    stopWithOwner();
    stop();
  }

  /**
   * The owner stops the broker itself, in order, at shutdown (after the clients that read from it):
   * the broker's own JVM shutdown hook, which would stop it at once and in parallel, is removed.
   * The broker still stops if the owner's JVM dies (it watches the parent process).
   */
  public void stopWithOwner() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or about to run stop() itself.
    }
  }

  private void stop() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    admin.close(Duration.ofSeconds(2));
    // SIGTERM first: Kafka's own shutdown hook then flushes and closes the logs cleanly.
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        kill(process);
      }
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
    }
  }

  private static void kill(Process process) {
    process.destroyForcibly();
    try {
      process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> command(
      Distribution distribution, Path dataDir, int port, int controllerPort) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = distribution.jar() + File.pathSeparator + distribution.libDir().resolve("*");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(classpath);
    command.add(MAIN_CLASS);
    command.add("--dir");
    command.add(dataDir.toString());
    command.add("--port");
    command.add(Integer.toString(port));
    command.add("--controller-port");
    command.add(Integer.toString(controllerPort));
    command.add("--parent-pid");
    command.add(Long.toString(ProcessHandle.current().pid()));
    return command;
  }

  private static Properties adminConfig(int port) {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-broker-admin");
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    // Keeps the connection retries to a not-yet-listening broker from backing off for seconds.
    config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    config.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
    return config;
  }

  private static void awaitListening(Process process, int port, StartLog log) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw log.failure("The Kafka broker JVM exited with code " + process.exitValue(), null);
      }
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
        }
      }
    }
    // awaitReady reports the timeout with the broker's log
  }

  private static void awaitReady(Process process, Admin admin, StartLog log) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Throwable lastFailure = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw log.failure("The Kafka broker JVM exited with code " + process.exitValue(), null);
      }
      try {
        admin
            .describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
            .nodes()
            .get(PROBE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        return;
      } catch (ExecutionException e) {
        lastFailure = e.getCause();
      } catch (TimeoutException e) {
        lastFailure = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw log.failure("Interrupted while waiting for the Kafka broker", e);
      }
      sleep(Duration.ofMillis(250));
    }
    throw log.failure(
        "The Kafka broker did not answer within " + START_TIMEOUT.toSeconds() + " s", lastFailure);
  }

  /** The part of the appended-to broker log written by this start. */
  private record StartLog(Path file, long offset) {

    IllegalStateException failure(String what, Throwable cause) {
      List<String> lines = read();
      // Kafka logs its whole configuration at INFO, so the cause is often hundreds of lines above
      // the end.
      List<String> errors =
          lines.stream()
              .filter(l -> l.contains(" ERROR ") || l.contains("FATAL") || l.contains("Exception"))
              .limit(LOG_ERROR_LINES)
              .toList();
      String nl = System.lineSeparator();
      return new IllegalStateException(
          what
              + "; see "
              + file
              + nl
              + (errors.isEmpty() ? "" : "first errors:" + nl + String.join(nl, errors) + nl)
              + "last lines:"
              + nl
              + String.join(
                  nl, lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())),
          cause);
    }

    private List<String> read() {
      try {
        if (!Files.exists(file)) {
          return List.of("(no log file)");
        }
        byte[] all = Files.readAllBytes(file);
        int from = (int) Math.min(offset, all.length);
        // Decoded leniently: a torn last line must not hide the rest of the log.
        return new String(all, from, all.length - from, StandardCharsets.UTF_8).lines().toList();
      } catch (IOException e) {
        return List.of("(could not read the log: " + e.getMessage() + ")");
      }
    }
  }

  private static int freePort() {
    return freePort(-1);
  }

  private static int freePort(int besides) {
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int candidate = socket.getLocalPort();
        if (candidate != besides) {
          return candidate;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("No free local port", e);
      }
    }
    throw new IllegalStateException("No free local port found");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Kafka broker", e);
    }
  }
}
