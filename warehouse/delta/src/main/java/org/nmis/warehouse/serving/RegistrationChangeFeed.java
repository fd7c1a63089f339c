package org.nmis.warehouse.serving;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.nmis.model.ids.PersonId;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.warehouse.registrations.RegistrationRows;
import org.nmis.warehouse.spark.StreamingQueries;
import org.nmis.warehouse.tables.RegistrationsTable;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * Keeps a {@link RegistrationIndex} fresh from the {@code registrations} table: a streaming read of the table's
 * change data feed whose first batch is the whole current table and whose later batches are the changes of each
 * commit. The index lives in memory, so every start rebuilds it from the table (no checkpoint to keep).
 */
public final class RegistrationChangeFeed implements AutoCloseable {
  private final StreamingQuery query;
  private final Path checkpoint;

  private RegistrationChangeFeed(StreamingQuery query, Path checkpoint) {
    this.query = query;
    this.checkpoint = checkpoint;
  }

  public static RegistrationChangeFeed start(SparkSession spark, WarehouseLocation location, RegistrationIndex index,
      long triggerMillis) {
    try {
      Path checkpoint = Files.createTempDirectory("nmis-index-feed");
      Dataset<Row> changes = spark.readStream().format("delta")
          .option("readChangeFeed", "true")
          .load(location.pathOf(RegistrationsTable.DEFINITION));
      StreamingQuery q = changes.writeStream()
          .queryName("registration-index-feed")
          .option("checkpointLocation", checkpoint.toString())
          .trigger(Trigger.ProcessingTime(triggerMillis))
          .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> apply(batch, index))
          .start();
      return new RegistrationChangeFeed(q, checkpoint);
    } catch (IOException e) {
      throw new UncheckedIOException("NMIS-IDX-001: cannot create the index feed's checkpoint directory", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("NMIS-IDX-002: the index feed did not start", e);
    }
  }

  /** Applies one batch of changes in commit order; pre-images of updates carry nothing new. */
  static void apply(Dataset<Row> batch, RegistrationIndex index) {
    Iterator<Row> rows = batch.filter(col("_change_type").notEqual("update_preimage"))
        .orderBy(col("_commit_version"))
        .toLocalIterator();
    long maxVersion = -1;
    while (rows.hasNext()) {
      Row r = rows.next();
      if ("delete".equals(r.getAs("_change_type"))) {
        index.remove(new PersonId(r.getAs(RegistrationsTable.PERSON_ID)));
      } else {
        index.upsert(RegistrationRows.toStored(r));
      }
      maxVersion = Math.max(maxVersion, r.<Long>getAs("_commit_version"));
    }
    if (maxVersion >= 0) {
      index.markApplied(maxVersion);
    }
  }

  public StreamingQuery query() {
    return query;
  }

  /** Waits until every change committed so far has reached the index (tests and the demo's start-up). */
  public void awaitCaughtUp() {
    query.processAllAvailable();
  }

  @Override
  public void close() {
    try {
      StreamingQueries.stop(query, "NMIS-IDX-003");
    } finally {
      deleteRecursively(checkpoint);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }
}
