package org.nmis.warehouse.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.RegistrationInput;

/**
 * Builds a DataFrame shaped like one micro-batch of Spark's Kafka source, so that the writer can be
 * tested on real Delta files without a broker. Offsets count up per partition as a broker's would.
 */
public final class KafkaRecords {
  public static final String TOPIC = "nmis.registrations.v1";
  public static final StructType SCHEMA =
      new StructType()
          .add("key", DataTypes.BinaryType)
          .add("value", DataTypes.BinaryType)
          .add("topic", DataTypes.StringType)
          .add("partition", DataTypes.IntegerType)
          .add("offset", DataTypes.LongType)
          .add("timestamp", DataTypes.TimestampType)
          .add("timestampType", DataTypes.IntegerType)
          .add(
              "headers",
              DataTypes.createArrayType(
                  new StructType()
                      .add("key", DataTypes.StringType)
                      .add("value", DataTypes.BinaryType)));

  private final List<Row> rows = new ArrayList<>();
  private final long[] nextOffset;

  /**
   * @param firstOffsets next offset per partition (continue a previous batch by passing its {@link
   *     #next()})
   */
  public KafkaRecords(long... firstOffsets) {
    this.nextOffset = firstOffsets.clone();
  }

  public KafkaRecords add(int partition, RegistrationInput input) {
    String key = input.get(Field.SOURCE_STATE_CODE) + ":" + input.get(Field.SOURCE_RECORD_ID);
    return addRaw(partition, key, RegistrationJson.write(input));
  }

  public KafkaRecords addRaw(int partition, String key, byte[] value) {
    rows.add(
        RowFactory.create(
            key == null ? null : key.getBytes(StandardCharsets.UTF_8),
            value,
            TOPIC,
            partition,
            nextOffset[partition]++,
            Instant.now(),
            0,
            null));
    return this;
  }

  /** The offsets the next batch starts from. */
  public long[] next() {
    return nextOffset.clone();
  }

  public Dataset<Row> toDataFrame() {
    return SharedSpark.session().createDataFrame(rows, SCHEMA);
  }
}
