package org.nmis.ingestion.stream;

import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.Trigger;
import org.nmis.warehouse.spark.SupervisedQuery;

/**
 * The one way this project streams a Kafka topic into Delta: from the earliest offset, with a
 * checkpoint, each micro-batch handed to a writer whose Delta commits are idempotent. Offsets are
 * checkpointed before a batch runs, so a crash at any point followed by a restart replays at most
 * the unfinished batch, which the writer absorbs.
 */
final class KafkaToDelta {
  private KafkaToDelta() {}

  /** Where to read and how fast. */
  record Source(
      String bootstrapServers,
      String topic,
      String checkpointLocation,
      long maxOffsetsPerTrigger,
      long triggerMillis) {}

  /**
   * Starts the query under supervision ({@link SupervisedQuery}): started again from its checkpoint
   * when a batch fails, for instance while the broker restarts.
   */
  static SupervisedQuery start(
      SparkSession spark,
      String queryName,
      Source source,
      VoidFunction2<Dataset<Row>, Long> writeBatch,
      String errorCode) {
    return SupervisedQuery.start(
        spark,
        queryName,
        errorCode,
        SupervisedQuery.Pauses.DEFAULT,
        () -> {
          try {
            return spark
                .readStream()
                .format("kafka")
                .option("kafka.bootstrap.servers", source.bootstrapServers())
                .option("subscribe", source.topic())
                .option("startingOffsets", "earliest")
                .option("includeHeaders", "true")
                .option("maxOffsetsPerTrigger", source.maxOffsetsPerTrigger())
                .load()
                .writeStream()
                .queryName(queryName)
                .option("checkpointLocation", source.checkpointLocation())
                .trigger(Trigger.ProcessingTime(source.triggerMillis()))
                .foreachBatch(writeBatch)
                .start();
          } catch (TimeoutException e) {
            TimeoutException named =
                new TimeoutException(
                    "check that Kafka at " + source.bootstrapServers() + " is reachable");
            named.initCause(e);
            throw named;
          }
        });
  }
}
