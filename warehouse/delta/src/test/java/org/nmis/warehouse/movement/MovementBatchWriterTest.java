package org.nmis.warehouse.movement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.nmis.warehouse.testing.SharedSpark;

/**
 * The movement log lands in its tables once, whatever is replayed, and a new manifest replaces the
 * old one.
 */
class MovementBatchWriterTest {
  private static final String ID = "MR-7K2QM-X9F3A";
  private static final SparkSession SPARK = SharedSpark.session();
  private static WarehouseLocation warehouse;
  private static MovementBatchWriter writer;

  @BeforeAll
  static void warehouse() {
    warehouse = SharedSpark.freshWarehouse("movement");
    writer = new MovementBatchWriter(SPARK, warehouse);
  }

  @Test
  void landsEachTransitionOnceAndReplacesManifests() {
    List<String> created =
        List.of(
            transition(1, "DRAFT", "CREATE", null, null),
            transition(2, "SUBMITTED", "SUBMIT", null, null));
    writer.write(batch(0, created));
    writer.write(batch(0, created)); // a replayed batch after a crash
    assertEquals(
        List.of("SUBMITTED:2"),
        strings("SELECT concat(status, ':', version) FROM movement_requests"));
    assertEquals(
        List.of("1:CREATE", "2:SUBMIT"),
        strings("SELECT concat(seq, ':', action) FROM request_events ORDER BY seq"));

    String firstManifest =
        transition(
            3,
            "MANIFESTED",
            "MANIFEST",
            "\"manifest\": ["
                + seat(1, "AAAAA-AAAAA", "S1", 1)
                + ","
                + seat(1, "BBBBB-BBBBB", "S1", 4)
                + ","
                + seat(1, "CCCCC-CCCCC", "S2", 1)
                + "]",
            "\"epasses\": [" + pass("P1", "ISSUED") + "]");
    writer.write(batch(2, List.of(firstManifest)));
    String second =
        transition(
            4,
            "MANIFESTED",
            "MANIFEST",
            "\"manifest\": ["
                + seat(2, "AAAAA-AAAAA", "S1", 1)
                + ","
                + seat(2, "CCCCC-CCCCC", "S1", 9)
                + "]",
            "\"epasses\": [" + pass("P1", "REVOKED") + "]");
    writer.write(
        batch(
            3,
            List.of(
                second, firstManifest))); // an out-of-date copy after the new one changes nothing
    assertEquals(
        List.of("AAAAA-AAAAA:S1/1:2", "CCCCC-CCCCC:S1/9:2"),
        strings(
            "SELECT concat(traveller, ':', coach, '/', berth, ':', manifest_version) FROM manifests ORDER BY traveller"));
    assertEquals(
        List.of("P1:REVOKED"), strings("SELECT concat(pass_id, ':', status) FROM epasses"));
    assertEquals(
        List.of("MANIFESTED:4"),
        strings("SELECT concat(status, ':', version) FROM movement_requests"));
  }

  private static String transition(
      int version, String status, String action, String manifest, String passes) {
    String at = "2020-05-2" + version + "T10:00:00.000Z";
    StringBuilder json =
        new StringBuilder(
            "{\"request\": {\"request_id\": \""
                + ID
                + "\", \"status\": \""
                + status
                + "\", \"version\": "
                + version
                + ", \"origin_state_code\": 27, \"origin_district_code\": 490,"
                + " \"destination_state_code\": 9, \"proposed_date\": \"2020-05-28\", \"mode\": \"TRAIN\","
                + " \"origin_station\": \"PUNE\", \"passengers\": 3, \"persons\": 3,"
                + " \"passenger_ids\": [\"AAAAA-AAAAA\", \"BBBBB-BBBBB\", \"CCCCC-CCCCC\"], \"created_by\": \"mh:STATE:27\","
                + " \"created_at\": \"2020-05-21T10:00:00.000Z\", \"updated_by\": \"mh:STATE:27\", \"updated_at\": \""
                + at
                + "\"}, \"event\": {\"request_id\": \""
                + ID
                + "\", \"seq\": "
                + version
                + ", \"action\": \""
                + action
                + "\", \"to_status\": \""
                + status
                + "\", \"actor\": \"mh:STATE:27\", \"actor_role\": \"STATE\","
                + " \"at\": \""
                + at
                + "\"}");
    for (String part : new String[] {manifest, passes}) {
      if (part != null) {
        json.append(", ").append(part);
      }
    }
    return json.append("}").toString();
  }

  private static String seat(int version, String person, String coach, int berth) {
    return "{\"request_id\": \""
        + ID
        + "\", \"manifest_version\": "
        + version
        + ", \"traveller\": \""
        + person
        + "\", \"person_id\": \""
        + person
        + "\", \"train_number\": \"01001\", \"train_date\": \"2020-05-28\","
        + " \"seat_status\": \"SEATED\", \"coach\": \""
        + coach
        + "\", \"berth\": "
        + berth
        + ", \"berth_type\": \"LB\","
        + " \"bay\": 1, \"age\": 30, \"gender\": \"M\", \"destination_district_code\": 148,"
        + " \"generated_at\": \"2020-05-27T10:00:00.000Z\"}";
  }

  private static String pass(String id, String status) {
    return "{\"pass_id\": \""
        + id
        + "\", \"traveller_id\": \"AAAAA-AAAAA\", \"person_id\": \"AAAAA-AAAAA\", \"request_id\": \""
        + ID
        + "\","
        + " \"train_number\": \"01001\", \"train_date\": \"2020-05-28\", \"coach\": \"S1\", \"berth\": 1,"
        + " \"status\": \""
        + status
        + "\", \"issued_at\": \"2020-05-27T10:00:00.000Z\","
        + " \"valid_from\": \"2020-05-27T10:00:00.000Z\", \"valid_until\": \"2020-05-30T10:00:00.000Z\"}";
  }

  private static Dataset<Row> batch(long firstOffset, List<String> messages) {
    List<Row> rows = new ArrayList<>();
    long offset = firstOffset;
    for (String m : messages) {
      rows.add(RowFactory.create(m.getBytes(StandardCharsets.UTF_8), offset++));
    }
    return SPARK.createDataFrame(
        rows,
        new StructType().add("value", DataTypes.BinaryType).add("offset", DataTypes.LongType));
  }

  /** Runs a query whose table names are the movement tables of this test's warehouse. */
  private static List<String> strings(String sql) {
    String resolved = sql.replaceAll(" FROM (\\w+)", " FROM delta.`" + warehouse.root() + "/$1`");
    return SPARK.sql(resolved).collectAsList().stream().map(r -> r.getString(0)).toList();
  }
}
