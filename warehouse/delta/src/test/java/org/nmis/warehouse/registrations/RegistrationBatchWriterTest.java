package org.nmis.warehouse.registrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.model.testing.RegistrationFixtures.ramFromPuneToGorakhpur;
import static org.nmis.model.testing.RegistrationFixtures.sitaFromPuneToPatna;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.RegistrationInput;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.warehouse.tables.RegistrationCorrectionsTable;
import org.nmis.warehouse.tables.RegistrationRejectsTable;
import org.nmis.warehouse.tables.RegistrationsRawTable;
import org.nmis.warehouse.tables.RegistrationsTable;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.nmis.warehouse.testing.KafkaRecords;
import org.nmis.warehouse.testing.SharedSpark;

class RegistrationBatchWriterTest {
  private static final IngestSettings SETTINGS =
      new IngestSettings(
          RegistrationFixtures.TEST_AADHAAR_KEY,
          RegistrationFixtures.TEST_ID_KEY,
          0,
          "test-writer");

  private final SparkSession spark = SharedSpark.session();
  private WarehouseLocation warehouse;
  private RegistrationBatchWriter writer;

  @BeforeEach
  void freshWarehouse() {
    warehouse = SharedSpark.freshWarehouse("writer");
    writer = new RegistrationBatchWriter(spark, warehouse, SETTINGS);
  }

  @Test
  void validRowsLandOnceAndBadRowsAreRejectedWithEveryError() {
    KafkaRecords batch =
        new KafkaRecords(0, 0)
            .add(0, ramFromPuneToGorakhpur().build())
            .add(
                1,
                ramFromPuneToGorakhpur()
                    .set(Field.SOURCE_RECORD_ID, "MH-BAD-1")
                    .set(Field.MOBILE, "12345")
                    .set(Field.AGE, "150")
                    .set(Field.NAME, " ")
                    .build())
            .add(1, sitaFromPuneToPatna().build())
            .addRaw(0, "x", "not json".getBytes(StandardCharsets.UTF_8));

    RegistrationBatchWriter.BatchResult result = writer.write(batch.toDataFrame(), 0);

    assertEquals(
        List.of(4L, 2L, 2L, 2L),
        List.of(result.messages(), result.valid(), result.rejected(), result.fresh()));
    assertEquals(
        List.of("parse+raw", "rejects", "triage", "new"),
        List.copyOf(result.stepMillis().keySet()));
    assertEquals(
        java.util.Map.of(
            "MOBILE_INVALID", 1L, "AGE_OUT_OF_RANGE", 1L, "REQUIRED", 1L, "MALFORMED_MESSAGE", 1L),
        result.rejectsByCode());
    assertEquals(4, table(RegistrationsRawTable.DEFINITION).count());
    List<Row> registrations =
        table(RegistrationsTable.DEFINITION).orderBy("source_record_id").collectAsList();
    assertEquals(
        List.of("BR-2020-77", "MH-PUNE-000001"),
        registrations.stream().map(r -> r.<String>getAs("source_record_id")).toList());
    Row ram = registrations.get(1);
    assertEquals("+919876543210", ram.getAs("mobile"));
    assertEquals(1, ram.<Integer>getAs("version"));
    assertEquals("kafka:state-27", ram.getAs("created_by"));
    assertEquals(SETTINGS.personIdEpoch(), 0);
    assertEquals(
        RegistrationFixtures.idScheme().forLogPosition(0, 0).value(), ram.getAs("person_id"));

    Row bad =
        table(RegistrationRejectsTable.DEFINITION).filter("source_record_id = 'MH-BAD-1'").first();
    assertEquals(
        Set.of("MOBILE_INVALID", "AGE_OUT_OF_RANGE", "REQUIRED"),
        Set.copyOf(bad.getList(bad.fieldIndex("error_codes"))));
    long malformed =
        table(RegistrationRejectsTable.DEFINITION)
            .filter("array_contains(error_codes, 'MALFORMED_MESSAGE')")
            .count();
    assertEquals(1, malformed);
  }

  @Test
  void identicalResendChangesNothingAndCorrectionUpdatesInPlace() {
    KafkaRecords first = new KafkaRecords(0).add(0, ramFromPuneToGorakhpur().build());
    writer.write(first.toDataFrame(), 0);
    Row original = table(RegistrationsTable.DEFINITION).first();

    KafkaRecords resend = new KafkaRecords(first.next()).add(0, ramFromPuneToGorakhpur().build());
    // A writer started afresh (a restart) knows the record from the table.
    writer = new RegistrationBatchWriter(spark, warehouse, SETTINGS);
    assertEquals(1, writer.write(resend.toDataFrame(), 1).resent());
    Row afterResend = table(RegistrationsTable.DEFINITION).first();
    assertEquals(original, afterResend, "an identical re-send must not touch the row");

    KafkaRecords correction =
        new KafkaRecords(resend.next())
            .add(0, ramFromPuneToGorakhpur().set(Field.DESTINATION_DISTRICT_CODE, "162").build());
    assertEquals(1, writer.write(correction.toDataFrame(), 2).corrected());
    List<Row> rows = table(RegistrationsTable.DEFINITION).collectAsList();
    assertEquals(1, rows.size());
    Row corrected = rows.get(0);
    assertEquals(original.<String>getAs("person_id"), corrected.getAs("person_id"));
    assertEquals(162, corrected.<Integer>getAs("destination_district_code"));
    assertEquals(2, corrected.<Integer>getAs("version"));
    assertEquals(original.<Object>getAs("created_at"), corrected.getAs("created_at"));
    assertNotEquals(original.<Object>getAs("updated_at"), corrected.getAs("updated_at"));

    // The history of the record stays readable through the change data feed.
    List<Integer> destinations =
        spark
            .read()
            .format("delta")
            .option("readChangeFeed", "true")
            .option("startingVersion", 0)
            .load(warehouse.pathOf(RegistrationsTable.DEFINITION))
            .filter("_change_type in ('insert', 'update_postimage')")
            .orderBy("_commit_version")
            .collectAsList()
            .stream()
            .map(r -> r.<Integer>getAs("destination_district_code"))
            .toList();
    assertEquals(List.of(RegistrationFixtures.GORAKHPUR, 162), destinations);
  }

  @Test
  void inABurstCorrectionsWaitSafelyAndReachTheTableEvenAfterACrash() {
    // Every batch counts as a burst; corrections go in every third batch (never by time).
    IngestSettings bursty =
        new IngestSettings(
            SETTINGS.aadhaarKey(),
            SETTINGS.personIdKey(),
            0,
            "test-writer",
            new IngestSettings.Corrections(1, 3, 3_600_000));
    writer = new RegistrationBatchWriter(spark, warehouse, bursty);
    KafkaRecords first = new KafkaRecords(0).add(0, ramFromPuneToGorakhpur().build());
    writer.write(first.toDataFrame(), 0);
    KafkaRecords correction =
        new KafkaRecords(first.next())
            .add(0, ramFromPuneToGorakhpur().set(Field.DESTINATION_DISTRICT_CODE, "162").build());
    RegistrationBatchWriter.BatchResult r = writer.write(correction.toDataFrame(), 1);
    assertEquals(1, r.corrected());
    assertFalse(r.stepMillis().containsKey("merge"), "deferred: " + r.stepMillis());
    assertEquals(1, table(RegistrationsTable.DEFINITION).first().<Integer>getAs("version"));
    assertEquals(1, table(RegistrationCorrectionsTable.DEFINITION).count(), "kept safe");

    // A crash: a new writer puts waiting corrections in before its first batch.
    writer = new RegistrationBatchWriter(spark, warehouse, bursty);
    KafkaRecords other = new KafkaRecords(correction.next()).add(0, sitaFromPuneToPatna().build());
    writer.write(other.toDataFrame(), 2);
    Row ram =
        table(RegistrationsTable.DEFINITION).filter("source_record_id = 'MH-PUNE-000001'").first();
    assertEquals(2, ram.<Integer>getAs("version"));
    assertEquals(162, ram.<Integer>getAs("destination_district_code"));
    assertEquals(0, table(RegistrationCorrectionsTable.DEFINITION).count());

    // Merging again changes nothing.
    writer.mergeCorrectionsNow();
    assertEquals(2, table(RegistrationsTable.DEFINITION).count());
    assertEquals(
        2,
        table(RegistrationsTable.DEFINITION)
            .filter("source_record_id = 'MH-PUNE-000001'")
            .first()
            .<Integer>getAs("version"));
  }

  @Test
  void aReplayedBatchWritesNothingTwice() {
    KafkaRecords batch =
        new KafkaRecords(0)
            .add(0, ramFromPuneToGorakhpur().build())
            .add(
                0,
                ramFromPuneToGorakhpur()
                    .set(Field.AGE, "-3")
                    .set(Field.SOURCE_RECORD_ID, "X")
                    .build());
    writer.write(batch.toDataFrame(), 7);
    writer.write(batch.toDataFrame(), 7);

    assertEquals(2, table(RegistrationsRawTable.DEFINITION).count());
    assertEquals(1, table(RegistrationRejectsTable.DEFINITION).count());
    assertEquals(1, table(RegistrationsTable.DEFINITION).count());
    assertEquals(1, table(RegistrationsTable.DEFINITION).first().<Integer>getAs("version"));
  }

  @Test
  void aRecordSentTwiceInOneBatchKeepsTheFirstIdAndTheLatestValues() {
    KafkaRecords batch =
        new KafkaRecords(0, 0)
            .add(1, ramFromPuneToGorakhpur().build())
            .add(1, ramFromPuneToGorakhpur().set(Field.AGE, "35").build());
    writer.write(batch.toDataFrame(), 0);

    Row row = table(RegistrationsTable.DEFINITION).first();
    assertEquals(35, row.<Integer>getAs("age"));
    assertEquals(
        RegistrationFixtures.idScheme().forLogPosition(1, 0).value(), row.getAs("person_id"));
  }

  @Test
  void noClearAadhaarNumberInAnyTable() {
    RegistrationInput withAadhaarEverywhere =
        ramFromPuneToGorakhpur()
            .set(Field.SOURCE_RECORD_ID, "MH-AADHAAR-IN-NAME")
            .set(Field.NAME, "Ram " + RegistrationFixtures.AADHAAR)
            .build();
    KafkaRecords batch =
        new KafkaRecords(0)
            .add(0, ramFromPuneToGorakhpur().build())
            .add(0, withAadhaarEverywhere)
            .addRaw(
                0,
                "y",
                ("{\"aadhar\": \"" + RegistrationFixtures.AADHAAR + "\"")
                    .getBytes(StandardCharsets.UTF_8));
    writer.write(batch.toDataFrame(), 0);

    for (TableDefinition t :
        List.of(
            RegistrationsRawTable.DEFINITION,
            RegistrationRejectsTable.DEFINITION,
            RegistrationsTable.DEFINITION)) {
      String dump = table(t).toJSON().collectAsList().stream().collect(Collectors.joining("\n"));
      assertFalse(
          dump.contains(RegistrationFixtures.AADHAAR), t.name() + " holds a clear Aadhaar number");
      assertFalse(
          dump.contains(RegistrationFixtures.AADHAAR.substring(0, 8)),
          t.name() + " holds its prefix");
    }
    Row ram = table(RegistrationsTable.DEFINITION).first();
    assertEquals(RegistrationFixtures.AADHAAR.substring(8), ram.getAs("aadhaar_last4"));
    assertTrue(ram.<String>getAs("aadhaar_token").matches("[0-9a-f]{64}"));
  }

  private Dataset<Row> table(TableDefinition t) {
    return spark.read().format("delta").load(warehouse.pathOf(t));
  }
}
