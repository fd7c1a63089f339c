package org.nmis.ingestion.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.model.testing.RegistrationFixtures.ramFromPuneToGorakhpur;
import static org.nmis.model.testing.RegistrationFixtures.sitaFromPuneToPatna;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmis.ingestion.broker.EmbeddedKafkaBroker;
import org.nmis.ingestion.kafka.RegistrationPublisher;
import org.nmis.ingestion.kafka.RegistrationTopic;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.RegistrationInput;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.warehouse.registrations.IngestSettings;
import org.nmis.warehouse.tables.RegistrationRejectsTable;
import org.nmis.warehouse.tables.RegistrationsRawTable;
import org.nmis.warehouse.tables.RegistrationsTable;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.nmis.warehouse.testing.ChildJvm;
import org.nmis.warehouse.testing.SharedSpark;
import org.nmis.warehouse.testing.Writability;

/** Publish to a real broker, ingest with the real streaming job, read the real Delta files. */
class RegistrationIngestIT {
  private static final String WRITER = "it-writer";
  @TempDir static Path dir;
  private static EmbeddedKafkaBroker broker;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  /** A new topic of four partitions and an empty warehouse directory for one test. */
  private static WarehouseLocation topicAndWarehouse(String topic, String warehouse) {
    broker.createTopic(topic, 4, RegistrationTopic.config(RegistrationTopic.DEFAULT_RETENTION));
    return new WarehouseLocation(dir.resolve(warehouse).toUri().toString());
  }

  private IngestJobSettings settings(String topic, WarehouseLocation warehouse, long maxOffsets) {
    return new IngestJobSettings(
        broker.bootstrapServers(),
        topic,
        warehouse,
        dir.resolve("checkpoints-" + topic).toString(),
        maxOffsets,
        200,
        new IngestSettings(
            RegistrationFixtures.TEST_AADHAAR_KEY, RegistrationFixtures.TEST_ID_KEY, 0, WRITER));
  }

  @Test
  void badRowsAreRejectedNamingEachProblemAndTheValidRowsAroundThemArriveOnce() throws Exception {
    String topic = "it-basic";
    WarehouseLocation warehouse = topicAndWarehouse(topic, "warehouse-basic");
    Map<String, RegistrationInput.Builder> bad =
        Map.of(
            "MOBILE_INVALID", ramFromPuneToGorakhpur().set(Field.MOBILE, "12345"),
            "DISTRICT_UNKNOWN", ramFromPuneToGorakhpur().set(Field.ORIGIN_DISTRICT_CODE, "99999"),
            "DISTRICT_NOT_IN_STATE",
                ramFromPuneToGorakhpur().set(Field.DESTINATION_DISTRICT_CODE, "212"),
            "AGE_OUT_OF_RANGE", ramFromPuneToGorakhpur().set(Field.AGE, "150"),
            "REQUIRED", ramFromPuneToGorakhpur().set(Field.NAME, ""),
            "AADHAAR_CHECKSUM", ramFromPuneToGorakhpur().set(Field.AADHAAR, wrongCheckDigit()),
            "DATE_INVALID", ramFromPuneToGorakhpur().set(Field.TRAVEL_DATE, "31-02-2020"));

    try (RegistrationPublisher publisher =
            new RegistrationPublisher(broker.bootstrapServers(), topic);
        RegistrationIngestJob job =
            RegistrationIngestJob.start(spark, settings(topic, warehouse, 10_000))) {
      int i = 0;
      for (var e : bad.entrySet()) {
        send(publisher, ramFromPuneToGorakhpur().set(Field.SOURCE_RECORD_ID, "GOOD-" + i).build());
        send(publisher, e.getValue().set(Field.SOURCE_RECORD_ID, "BAD-" + e.getKey()).build());
        i++;
      }
      send(publisher, sitaFromPuneToPatna().build());
      publisher.flush();
      job.awaitCaughtUp();
      send(publisher, sitaFromPuneToPatna().build()); // identical re-send
      send(
          publisher,
          sitaFromPuneToPatna().set(Field.PERSONS_ACCOMPANYING, "3").build()); // correction
      publisher.flush();
      job.awaitCaughtUp();
    }

    assertEquals(17, read(warehouse, RegistrationsRawTable.DEFINITION).count());
    List<Row> rejects = read(warehouse, RegistrationRejectsTable.DEFINITION).collectAsList();
    assertEquals(bad.size(), rejects.size());
    for (Row r : rejects) {
      String expected = r.<String>getAs("source_record_id").substring("BAD-".length());
      List<String> codes = r.getList(r.fieldIndex("error_codes"));
      assertEquals(List.of(expected), codes, "reject " + r.getAs("source_record_id"));
      Row error = r.<Row>getList(r.fieldIndex("errors")).get(0);
      assertTrue(error.<String>getAs("message").contains(error.<String>getAs("field")));
    }
    Dataset<Row> registrations = read(warehouse, RegistrationsTable.DEFINITION);
    assertEquals(bad.size() + 1, registrations.count());
    assertEquals(bad.size() + 1, registrations.select("person_id").distinct().count());
    Row sita = registrations.filter("source_record_id = 'BR-2020-77'").first();
    assertEquals(3, sita.<Integer>getAs("persons_accompanying"));
    assertEquals(2, sita.<Integer>getAs("version"));
    assertNoClearAadhaar(warehouse);
  }

  /**
   * kill -9 of the job's JVM in the middle of the stream, then a restart: every message is in the
   * raw table exactly once, every person exactly once, every correction applied.
   */
  @Test
  void killNineAndRestartLosesNothingAndDuplicatesNothing() throws Exception {
    String topic = "it-crash";
    WarehouseLocation warehouse = topicAndWarehouse(topic, "warehouse-crash");
    int people = 3_000;
    int corrections = 150;
    int resends = 100;
    try (RegistrationPublisher publisher =
        new RegistrationPublisher(broker.bootstrapServers(), topic)) {
      for (int i = 0; i < people; i++) {
        send(publisher, person(i).build());
      }
      for (int i = 0; i < resends; i++) {
        send(publisher, person(i * 7).build());
      }
      for (int i = 0; i < corrections; i++) {
        send(publisher, person(i * 11).set(Field.PERSONS_ACCOMPANYING, "5").build());
      }
      publisher.flush();
    }
    long total = people + corrections + resends;
    IngestJobSettings settings = settings(topic, warehouse, 800);

    Process first = startJobProcess(settings, dir.resolve("job-1.log"));
    waitFor(() -> commits(warehouse) >= 1, Duration.ofMinutes(3), "the job's first commits");
    first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean stop
    first.waitFor();
    long rawBeforeRestart = count(warehouse, RegistrationsRawTable.DEFINITION);
    assertTrue(rawBeforeRestart < total, "the job was killed before the end: " + rawBeforeRestart);

    Process second = startJobProcess(settings, dir.resolve("job-2.log"));
    try {
      waitFor(
          () ->
              count(warehouse, RegistrationsRawTable.DEFINITION) >= total
                  && read(warehouse, RegistrationsTable.DEFINITION)
                          .filter("persons_accompanying = 5")
                          .count()
                      >= corrections,
          Duration.ofMinutes(5),
          "all messages ingested after the restart");
      Thread.sleep(2_000); // let a (wrong) extra batch show itself if there were one
    } finally {
      second.destroy();
      second.waitFor();
    }

    Dataset<Row> raw = read(warehouse, RegistrationsRawTable.DEFINITION);
    assertEquals(total, raw.count());
    assertEquals(total, raw.select("kafka_partition", "kafka_offset").distinct().count());
    Dataset<Row> registrations = read(warehouse, RegistrationsTable.DEFINITION);
    assertEquals(people, registrations.count());
    assertEquals(people, registrations.select("person_id").distinct().count());
    assertEquals(corrections, registrations.filter("version = 2").count());
    assertEquals(corrections, registrations.filter("persons_accompanying = 5").count());
    assertEquals(0, count(warehouse, RegistrationRejectsTable.DEFINITION));
  }

  /**
   * During ingestion the broker restarts, then the registrations table's log cannot be written for
   * a while: the job rides out both (its supervisor starts the query again from the checkpoint),
   * the failure is reported, and every message is in the tables exactly once.
   */
  @Test
  void aBrokerRestartAndAnUnwritableTableAreRiddenOut() throws Exception {
    String topic = "it-faults";
    WarehouseLocation warehouse = topicAndWarehouse(topic, "warehouse-faults");
    int each = 500;
    try (RegistrationIngestJob job =
        RegistrationIngestJob.start(spark, settings(topic, warehouse, 200))) {
      publish(topic, 0, each);
      waitFor(() -> commits(warehouse) >= 1, Duration.ofMinutes(2), "the first batch");
      // The broker goes away in the middle of the stream and comes back on its port and its log.
      int port = broker.port();
      broker.close();
      Thread.sleep(3_000);
      broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), port);
      publish(topic, each, 2 * each);
      job.awaitCaughtUp();
      assertEquals(2L * each, count(warehouse, RegistrationsTable.DEFINITION));

      // The registrations table's log cannot be written: the batch fails after the raw table took
      // it, and is replayed until the directory is writable again.
      Path log =
          Path.of(java.net.URI.create(warehouse.pathOf(RegistrationsTable.DEFINITION)))
              .resolve("_delta_log");
      Writability.set(log, false);
      try {
        publish(topic, 2 * each, 3 * each);
        waitFor(
            () ->
                job.query().lastFailure().map(f -> f.message().contains("_delta_log")).orElse(false)
                    && job.query().restarts() >= 1,
            Duration.ofMinutes(2),
            "the failed batch reported and the query started again");
        assertEquals(2L * each, count(warehouse, RegistrationsTable.DEFINITION));
      } finally {
        Writability.set(log, true);
      }
      job.awaitCaughtUp();
    }
    Dataset<Row> raw = read(warehouse, RegistrationsRawTable.DEFINITION);
    assertEquals(3L * each, raw.count());
    assertEquals(3L * each, raw.select("kafka_partition", "kafka_offset").distinct().count());
    Dataset<Row> registrations = read(warehouse, RegistrationsTable.DEFINITION);
    assertEquals(3L * each, registrations.count());
    assertEquals(3L * each, registrations.select("person_id").distinct().count());
    assertEquals(0, count(warehouse, RegistrationRejectsTable.DEFINITION));
  }

  private void publish(String topic, int from, int to) {
    try (RegistrationPublisher publisher =
        new RegistrationPublisher(broker.bootstrapServers(), topic)) {
      for (int i = from; i < to; i++) {
        send(publisher, person(i).set(Field.SOURCE_RECORD_ID, "MH-FAULT-" + i).build());
      }
      publisher.flush();
    }
  }

  private static RegistrationInput.Builder person(int i) {
    return ramFromPuneToGorakhpur()
        .set(Field.SOURCE_RECORD_ID, "MH-CRASH-" + i)
        .set(Field.MOBILE, String.valueOf(9_000_000_000L + i))
        .set(Field.PERSONS_ACCOMPANYING, "1");
  }

  private static void send(RegistrationPublisher publisher, RegistrationInput in) {
    String key = in.get(Field.SOURCE_STATE_CODE) + ":" + in.get(Field.SOURCE_RECORD_ID);
    publisher.publish(key, RegistrationJson.write(in), "it-state-system");
  }

  private static String wrongCheckDigit() {
    String a = RegistrationFixtures.AADHAAR;
    char last = a.charAt(11);
    return a.substring(0, 11) + (char) ('0' + (last - '0' + 1) % 10);
  }

  private Process startJobProcess(IngestJobSettings s, Path log) throws Exception {
    List<String> cmd = new ArrayList<>(ChildJvm.java("2g"));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(RegistrationIngestJob.class.getName());
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("NMIS_KAFKA_BOOTSTRAP_SERVERS", s.bootstrapServers());
    env.put("NMIS_KAFKA_TOPIC", s.topic());
    env.put("NMIS_WAREHOUSE_LOCATION", s.warehouse().root());
    env.put("NMIS_WAREHOUSE_CHECKPOINT_LOCATION", s.checkpointLocation());
    env.put("NMIS_INGESTION_MAX_OFFSETS_PER_TRIGGER", String.valueOf(s.maxOffsetsPerTrigger()));
    env.put("NMIS_INGESTION_TRIGGER_MILLIS", "100");
    env.put("NMIS_PRIVACY_AADHAAR_KEY", s.ingest().aadhaarKey());
    env.put("NMIS_IDS_KEY", s.ingest().personIdKey());
    env.put("NMIS_INGESTION_WRITER_ID", s.ingest().writerId());
    return pb.start();
  }

  private long commits(WarehouseLocation warehouse) {
    Path log =
        Path.of(java.net.URI.create(warehouse.pathOf(RegistrationsTable.DEFINITION)))
            .resolve("_delta_log");
    try (var files = Files.list(log)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).count() - 1;
    } catch (Exception e) {
      return 0;
    }
  }

  private static void waitFor(
      java.util.function.BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException notYet) {
        // the table may not exist yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  private long count(WarehouseLocation warehouse, TableDefinition table) {
    return read(warehouse, table).count();
  }

  private Dataset<Row> read(WarehouseLocation warehouse, TableDefinition table) {
    return spark.read().format("delta").load(warehouse.pathOf(table));
  }

  private void assertNoClearAadhaar(WarehouseLocation warehouse) {
    for (TableDefinition t :
        List.of(
            RegistrationsRawTable.DEFINITION,
            RegistrationRejectsTable.DEFINITION,
            RegistrationsTable.DEFINITION)) {
      String dump = String.join("\n", read(warehouse, t).toJSON().collectAsList());
      assertFalse(
          dump.contains(RegistrationFixtures.AADHAAR.substring(0, 8)),
          t.name() + " holds an Aadhaar number");
    }
  }
}
