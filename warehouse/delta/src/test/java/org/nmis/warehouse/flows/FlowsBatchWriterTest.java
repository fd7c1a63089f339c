package org.nmis.warehouse.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmis.model.testing.RegistrationFixtures.ramFromPuneToGorakhpur;
import static org.nmis.model.testing.RegistrationFixtures.sitaFromPuneToPatna;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.nmis.model.registration.Field;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.warehouse.registrations.IngestSettings;
import org.nmis.warehouse.registrations.RegistrationBatchWriter;
import org.nmis.warehouse.tables.RegistrationsTable;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.nmis.warehouse.testing.KafkaRecords;
import org.nmis.warehouse.testing.SharedSpark;

/**
 * Flows stay equal to a fresh GROUP BY over registrations under re-sends, corrections and replayed
 * batches.
 */
class FlowsBatchWriterTest {
  private final SparkSession spark = SharedSpark.session();
  private final WarehouseLocation warehouse = SharedSpark.freshWarehouse("flows");
  private final RegistrationBatchWriter registrations =
      new RegistrationBatchWriter(
          spark,
          warehouse,
          new IngestSettings(
              RegistrationFixtures.TEST_AADHAAR_KEY, RegistrationFixtures.TEST_ID_KEY, 0, "test"));
  private final FlowsBatchWriter flows = new FlowsBatchWriter(warehouse, "test-flows");
  private long countedUpTo = -1;
  private long flowBatches;

  @Test
  void flowsEqualAGroupByUnderResendsCorrectionsAndReplays() {
    KafkaRecords first =
        new KafkaRecords(0)
            .add(0, ramFromPuneToGorakhpur().build())
            .add(0, sitaFromPuneToPatna().build())
            .add(
                0,
                ramFromPuneToGorakhpur()
                    .set(Field.SOURCE_RECORD_ID, "MH-PUNE-000002")
                    .set(Field.PERSONS_ACCOMPANYING, "3")
                    .build());
    registrations.write(first.toDataFrame(), 0);
    Dataset<Row> firstChanges = countNewCommits();
    assertFlowsMatchRegistrations();

    flows.write(firstChanges, flowBatches - 1); // the same batch again, as after a crash: skipped
    assertFlowsMatchRegistrations();

    KafkaRecords second =
        new KafkaRecords(first.next())
            .add(0, sitaFromPuneToPatna().build()) // identical re-send
            .add(
                0,
                ramFromPuneToGorakhpur()
                    .set(Field.DESTINATION_STATE_CODE, String.valueOf(RegistrationFixtures.BIHAR))
                    .set(
                        Field.DESTINATION_DISTRICT_CODE, String.valueOf(RegistrationFixtures.PATNA))
                    .build());
    registrations.write(second.toDataFrame(), 1);
    countNewCommits();
    assertFlowsMatchRegistrations();
    assertEquals(
        List.of("27->9: 1 registrations, 4 persons", "27->10: 2 registrations, 4 persons"),
        strings(
            "SELECT concat(origin_state_code, '->', destination_state_code, ': ', sum(registrations), ' registrations, ',"
                + " sum(persons), ' persons') FROM od_flows GROUP BY origin_state_code, destination_state_code"
                + " ORDER BY destination_state_code"));
    // One of Uttar Pradesh's arrivals moved to Bihar with the correction.
    assertEquals(
        List.of("9:0:0:1:4", "10:0:0:2:4", "27:3:8:0:0"),
        strings(
            "SELECT concat_ws(':', state_code,"
                + " sum(outflow_registrations), sum(outflow_persons), sum(inflow_registrations), sum(inflow_persons))"
                + " FROM state_daily GROUP BY state_code ORDER BY state_code"));
  }

  /**
   * Counts the registrations commits made since the last call, as the streaming job would, one
   * batch each call.
   */
  private Dataset<Row> countNewCommits() {
    Dataset<Row> changes =
        spark
            .read()
            .format("delta")
            .option("readChangeFeed", "true")
            .option("startingVersion", countedUpTo + 1)
            .load(warehouse.pathOf(RegistrationsTable.DEFINITION))
            .persist();
    countedUpTo =
        changes.agg(org.apache.spark.sql.functions.max("_commit_version")).first().getLong(0);
    flows.write(changes, flowBatches++);
    return changes;
  }

  private void assertFlowsMatchRegistrations() {
    String truth =
        "SELECT travel_date, mode, origin_state_code, origin_district_code, destination_state_code,"
            + " destination_district_code, count(*) AS registrations, sum(persons_accompanying + 1) AS persons"
            + " FROM registrations GROUP BY ALL";
    Dataset<Row> expected = spark.sql(resolve(truth));
    Dataset<Row> actual = spark.sql(resolve("SELECT * FROM od_flows"));
    assertEquals(
        0,
        expected.exceptAll(actual).count() + actual.exceptAll(expected).count(),
        "od_flows must equal a GROUP BY over registrations");
    Dataset<Row> expectedStates =
        spark.sql(
            resolve(
                "SELECT state_code, travel_date, sum(o_r) AS o_r, sum(o_p) AS"
                    + " o_p, sum(i_r) AS i_r, sum(i_p) AS i_p FROM (SELECT origin_state_code AS state_code, travel_date,"
                    + " registrations AS o_r, persons AS o_p, 0L AS i_r, 0L AS i_p FROM od_flows UNION ALL SELECT"
                    + " destination_state_code, travel_date, 0L, 0L, registrations, persons FROM od_flows) GROUP BY ALL"));
    Dataset<Row> actualStates = spark.sql(resolve("SELECT * FROM state_daily"));
    assertEquals(
        0,
        expectedStates.exceptAll(actualStates).count()
            + actualStates.exceptAll(expectedStates).count(),
        "state_daily must equal outflow plus inflow per state and date");
  }

  private List<String> strings(String sql) {
    return spark.sql(resolve(sql)).collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  private String resolve(String sql) {
    return sql.replaceAll(
        "FROM (registrations|od_flows|state_daily)\\b", "FROM delta.`" + warehouse.root() + "/$1`");
  }
}
