package org.nmis.warehouse.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.model.testing.RegistrationFixtures.ramFromPuneToGorakhpur;
import static org.nmis.model.testing.RegistrationFixtures.sitaFromPuneToPatna;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.warehouse.registrations.IngestSettings;
import org.nmis.warehouse.registrations.RegistrationBatchWriter;
import org.nmis.warehouse.registrations.RegistrationRows;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.RegistrationCorrectionsTable;
import org.nmis.warehouse.tables.RegistrationRejectsTable;
import org.nmis.warehouse.tables.RegistrationsRawTable;
import org.nmis.warehouse.tables.RegistrationsTable;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.nmis.warehouse.testing.KafkaRecords;
import org.nmis.warehouse.testing.SharedSpark;
import org.nmis.warehouse.testing.WarehouseScan;

/**
 * Erasure and retention on real Delta tables: after an erasure and a vacuum, neither the tables nor
 * any file under the warehouse holds the person's name or mobile, while the other person's are
 * still there (so the scan can find what it looks for).
 */
class DeltaErasureTest {
  private static final String RAM_NAME = "Ram Kumar";
  private static final String RAM_DIGITS = "9876543210";
  private static final String SITA_DIGITS = "7000012345";

  /** The tables that hold registrations; the others hold no name or mobile (checked below). */
  private static final List<TableDefinition> PERSONAL =
      List.of(
          RegistrationsRawTable.DEFINITION,
          RegistrationRejectsTable.DEFINITION,
          RegistrationCorrectionsTable.DEFINITION,
          RegistrationsTable.DEFINITION);

  private final SparkSession spark = SharedSpark.session();
  private WarehouseLocation warehouse;
  private RegistrationBatchWriter writer;
  private KafkaRecords second;

  @BeforeEach
  void ramAndSitaRegistered() {
    warehouse = SharedSpark.freshWarehouse("erasure");
    writer =
        new RegistrationBatchWriter(
            spark,
            warehouse,
            new IngestSettings(
                RegistrationFixtures.TEST_AADHAAR_KEY,
                RegistrationFixtures.TEST_ID_KEY,
                0,
                "test-writer"));
    KafkaRecords first =
        new KafkaRecords(0, 0)
            .add(0, ramFromPuneToGorakhpur().build())
            .add(1, sitaFromPuneToPatna().build())
            // A rejected version of Ram's record: its row in registration_rejects is his too.
            .add(0, ramFromPuneToGorakhpur().set(Field.AGE, "150").build());
    writer.write(first.toDataFrame(), 0);
    // A correction: the change feed now keeps Ram's earlier version as well.
    second =
        new KafkaRecords(first.next())
            .add(0, ramFromPuneToGorakhpur().set(Field.DESTINATION_DISTRICT_CODE, "162").build());
    writer.write(second.toDataFrame(), 1);
  }

  @Test
  void erasedPersonLeavesEveryTableAndAfterTheVacuumEveryFile() {
    assertFalse(tablesHolding(RAM_NAME).get(RAM_NAME).isEmpty(), "the fixture must hold Ram");
    assertTrue(filesHold(RAM_NAME), "the fixture's files must hold Ram");

    StoredRegistration ram = ram();
    Map<String, Long> removed = new DeltaErasure(spark, warehouse).erase(ram);

    assertEquals(
        Map.of(
            RegistrationsRawTable.NAME,
            3L,
            RegistrationRejectsTable.NAME,
            1L,
            "registration_corrections",
            0L,
            RegistrationsTable.NAME,
            1L),
        removed);
    Map<String, List<String>> holding = tablesHolding(RAM_NAME, RAM_DIGITS, SITA_DIGITS);
    assertEquals(List.of(), holding.get(RAM_NAME), "no table may still hold the name");
    assertEquals(List.of(), holding.get(RAM_DIGITS), "no table may still hold the mobile");
    assertFalse(holding.get(SITA_DIGITS).isEmpty(), "the other person stays");
    assertEquals(1, table(RegistrationsTable.DEFINITION).count());
    assertTrue(filesHold(RAM_NAME), "before the vacuum the old file versions still hold him");

    new DeltaRetention(spark, warehouse).run(List.of(), today(), Duration.ZERO, PERSONAL);

    assertFalse(filesHold(RAM_NAME), "after the vacuum no file under the warehouse holds the name");
    assertFalse(filesHold(RAM_DIGITS), "nor the mobile");
    assertTrue(filesHold(SITA_DIGITS), "the scan finds a mobile that is still registered");
    assertEquals(1, table(RegistrationsTable.DEFINITION).count(), "the table reads as before");
    // A second erasure finds nothing left and changes nothing.
    assertEquals(
        0L,
        new DeltaErasure(spark, warehouse)
            .erase(ram).values().stream().mapToLong(Long::longValue).sum());

    // The state sends the record again: it is registered again, under a new person ID (the
    // running writer was told to forget it; one started afresh reads the table).
    writer.forgetRecord(27, "MH-PUNE-000001");
    writer.write(
        new KafkaRecords(second.next()).add(0, ramFromPuneToGorakhpur().build()).toDataFrame(), 2);
    Row again =
        table(RegistrationsTable.DEFINITION).filter("source_record_id = 'MH-PUNE-000001'").first();
    assertFalse(ram.personId().value().equals(again.getAs("person_id")), "a new person ID");
  }

  @Test
  void retentionDeletesOnlyRowsOlderThanTheTablesRetention() {
    long raw = table(RegistrationsRawTable.DEFINITION).count();
    List<DeltaRetention.Rule> rules =
        List.of(
            new DeltaRetention.Rule(
                RegistrationsRawTable.DEFINITION, "received_date", Duration.ofDays(30)),
            new DeltaRetention.Rule(
                RegistrationRejectsTable.DEFINITION, "received_date", Duration.ofDays(90)));
    DeltaRetention retention = new DeltaRetention(spark, warehouse);

    DeltaRetention.Result within =
        retention.run(rules, today().plusDays(30), Duration.ZERO, List.of());
    assertEquals(0L, within.rowsDeleted().get(RegistrationsRawTable.NAME), "30 days are kept");
    assertEquals(raw, table(RegistrationsRawTable.DEFINITION).count());

    DeltaRetention.Result after =
        retention.run(
            rules, today().plusDays(31), Duration.ZERO, List.of(RegistrationsRawTable.DEFINITION));
    assertEquals(raw, after.rowsDeleted().get(RegistrationsRawTable.NAME));
    assertEquals(0L, after.rowsDeleted().get(RegistrationRejectsTable.NAME), "kept 90 days");
    assertEquals(0, table(RegistrationsRawTable.DEFINITION).count());
    assertEquals(1, table(RegistrationRejectsTable.DEFINITION).count());
    assertEquals(2, table(RegistrationsTable.DEFINITION).count(), "registrations have no rule");
    assertEquals(1, after.tablesVacuumed());
  }

  private StoredRegistration ram() {
    return RegistrationRows.toStored(
        table(RegistrationsTable.DEFINITION).filter("source_record_id = 'MH-PUNE-000001'").first());
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Kolkata"));
  }

  private Dataset<Row> table(TableDefinition t) {
    return spark.read().format("delta").load(warehouse.pathOf(t));
  }

  /** For each text, the tables holding it (one read of every table). */
  private Map<String, List<String>> tablesHolding(String... texts) {
    return WarehouseScan.tablesHolding(spark, warehouse, DeltaTables.ALL, texts);
  }

  private boolean filesHold(String text) {
    return WarehouseScan.filesHold(warehouse, text);
  }
}
