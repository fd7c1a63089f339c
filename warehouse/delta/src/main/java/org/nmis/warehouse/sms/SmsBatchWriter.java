package org.nmis.warehouse.sms;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.nmis.warehouse.spark.Conflicts;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.SmsEventsTable;
import org.nmis.warehouse.tables.SmsOutboxTable;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * Lands one micro-batch of the SMS log: each event into {@code sms_events} (once, by its offset),
 * the outbox rows it changed into {@code sms_outbox} (a row changes only for a later offset). Both
 * are MERGEs guarded so that a batch replayed after a crash changes nothing.
 */
public final class SmsBatchWriter {
  /** A row as the log writes it: the table's columns, times in epoch milliseconds. */
  private static final StructType ROW = rowSchema();

  private static final StructType MESSAGE =
      new StructType()
          .add("at_ms", DataTypes.LongType)
          .add("type", DataTypes.StringType)
          .add("id", DataTypes.StringType)
          .add("sid", DataTypes.StringType)
          .add("status", DataTypes.StringType)
          .add("errorCode", DataTypes.StringType)
          .add("to", DataTypes.StringType)
          .add("rows", new ArrayType(ROW, true));

  private final SparkSession spark;
  private final WarehouseLocation location;

  public SmsBatchWriter(SparkSession spark, WarehouseLocation location) {
    this.spark = spark;
    this.location = location;
  }

  /** Lands a batch of Kafka records (value and offset columns); returns the events landed. */
  public long write(Dataset<Row> kafkaRecords) {
    Dataset<Row> events =
        kafkaRecords
            .select(
                col("offset"),
                from_json(
                        col("value").cast(DataTypes.StringType),
                        MESSAGE,
                        Map.of("mode", "FAILFAST"))
                    .as("m"))
            .select(col("offset"), col("m.*"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = events.count();
      if (n == 0) {
        return 0;
      }
      Column first = try_element_at(col("rows"), lit(1));
      Dataset<Row> eventRows =
          events.select(
              col("offset").as("log_offset"),
              timestamp_millis(col("at_ms")).as("at"),
              col("type"),
              coalesce(col("id"), first.getField("message_id")).as("message_id"),
              coalesce(col("sid"), first.getField("sid")).as("sid"),
              first.getField("status").as("status"),
              col("errorCode").as("error_code"),
              // The number is the outbox row's; an event names it only for an opt-out.
              when(col("type").equalTo("OPTED_OUT"), col("to")).as("mobile"),
              size(col("rows")).as("messages_changed"));
      // Both MERGEs are guarded (insert-only; by log offset): tried again after a conflict.
      Conflicts.retry(
          "NMIS-SMS-130",
          "the insert into sms_events",
          () ->
              DeltaTables.open(spark, location, SmsEventsTable.DEFINITION)
                  .as("t")
                  .merge(eventRows.as("s"), "t.log_offset = s.log_offset")
                  .whenNotMatched()
                  .insertAll()
                  .execute());
      Dataset<Row> changed =
          events
              .select(col("offset"), explode(col("rows")).as("r"))
              .groupBy(col("r.message_id"))
              .agg(max_by(struct(col("r"), col("offset")), col("offset")).as("x"))
              .select(outboxColumns());
      Conflicts.retry(
          "NMIS-SMS-130",
          "the MERGE into sms_outbox",
          () ->
              DeltaTables.open(spark, location, SmsOutboxTable.DEFINITION)
                  .as("t")
                  .merge(changed.as("s"), "t.message_id = s.message_id")
                  .whenMatched("s.log_offset > t.log_offset")
                  .updateAll()
                  .whenNotMatched()
                  .insertAll()
                  .execute());
      return n;
    } finally {
      events.unpersist();
    }
  }

  private static Column[] outboxColumns() {
    return Arrays.stream(SmsOutboxTable.SCHEMA.fieldNames())
        .map(
            c ->
                switch (c) {
                  case "log_offset" -> col("x.offset").as(c);
                  case "created_at", "updated_at" -> timestamp_millis(col("x.r." + c)).as(c);
                  default -> col("x.r." + c).as(c);
                })
        .toArray(Column[]::new);
  }

  private static StructType rowSchema() {
    StructType t = new StructType();
    for (StructField f : SmsOutboxTable.SCHEMA.fields()) {
      switch (f.name()) {
        case "log_offset" -> {}
        case "created_at", "updated_at" -> t = t.add(f.name(), DataTypes.LongType);
        default -> t = t.add(f.name(), f.dataType());
      }
    }
    return t;
  }
}
