package org.nmis.warehouse.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;
import org.nmis.warehouse.spark.Conflicts;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention job: deletes the rows a table keeps no longer ({@link Rule}: rows whose day is
 * older than the table's retention), then rewrites the files that only hide deleted rows (deletion
 * vectors, {@code REORG TABLE ... APPLY (PURGE)}) and vacuums every table, so that deleted and
 * erased rows leave the disk once the history has been kept for {@code vacuumAfter}. Safe to run at
 * any time and to repeat; conflicts with the ingestion job are tried again.
 */
public final class DeltaRetention {
  private static final Logger LOG = LoggerFactory.getLogger(DeltaRetention.class);

  /** Tables purged and vacuumed at the same time. */
  private static final int PARALLEL_TABLES = 4;

  /** Rows of {@code table} whose {@code dayColumn} is older than {@code keep} are deleted. */
  public record Rule(TableDefinition table, String dayColumn, Duration keep) {
    public Rule {
      if (table == null || dayColumn == null || keep == null || keep.isNegative()) {
        throw new IllegalArgumentException("a retention rule needs a table, a day column, a keep");
      }
    }
  }

  private void purgeAndVacuum(TableDefinition table, long hours) {
    String path = location.pathOf(table).replace("`", "``");
    if ("true".equals(table.properties().get("delta.enableDeletionVectors"))) {
      Conflicts.retry(
          "NMIS-PRV-002",
          "the purge of deleted rows in " + table.name(),
          () -> spark.sql("REORG TABLE delta.`" + path + "` APPLY (PURGE)").collectAsList());
    }
    spark.sql("VACUUM delta.`" + path + "` RETAIN " + hours + " HOURS").collectAsList();
  }

  /** Rows deleted per table, tables vacuumed, and how long it took. */
  public record Result(Map<String, Long> rowsDeleted, int tablesVacuumed, long millis) {}

  private final SparkSession spark;
  private final WarehouseLocation location;

  public DeltaRetention(SparkSession spark, WarehouseLocation location) {
    this.spark = spark;
    this.location = location;
  }

  /**
   * Applies the rules as of {@code today} (days in IST), then purges and vacuums every table,
   * keeping {@code vacuumAfter} of history.
   */
  public Result run(List<Rule> rules, LocalDate today, Duration vacuumAfter) {
    return run(rules, today, vacuumAfter, DeltaTables.ALL);
  }

  /** {@link #run(List, LocalDate, Duration)}, vacuuming only {@code tables}. */
  public Result run(
      List<Rule> rules, LocalDate today, Duration vacuumAfter, List<TableDefinition> tables) {
    long t0 = System.nanoTime();
    Map<String, Long> deleted = new LinkedHashMap<>();
    for (Rule rule : rules) {
      LocalDate firstKept = today.minusDays(rule.keep().toDays());
      var older = col(rule.dayColumn()).lt(lit(java.sql.Date.valueOf(firstKept)));
      deleted.put(
          rule.table().name(),
          Conflicts.retry(
              "NMIS-PRV-002",
              "the retention delete from " + rule.table().name(),
              () -> {
                DeltaTable t = DeltaTable.forPath(spark, location.pathOf(rule.table()));
                long rows = t.toDF().filter(older).count();
                if (rows > 0) {
                  t.delete(older);
                }
                return rows;
              }));
    }
    // VACUUM refuses less than 7 days unless this check is off; the retention is ours to choose
    // (documented in docs/SECURITY.md), and a shorter one is only used by tests.
    spark.conf().set("spark.databricks.delta.retentionDurationCheck.enabled", "false");
    long hours = Math.max(0, vacuumAfter.toHours());
    // Tables are purged and vacuumed side by side: each is a string of small Spark jobs whose
    // time goes mostly into scheduling and listing, not into the cores.
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(PARALLEL_TABLES, tables.size())),
            r -> {
              Thread t = new Thread(r, "nmis-vacuum");
              t.setDaemon(true);
              return t;
            });
    int vacuumed = 0;
    try {
      List<Future<?>> running = new ArrayList<>();
      for (TableDefinition table : tables) {
        running.add(pool.submit(() -> purgeAndVacuum(table, hours)));
      }
      for (Future<?> f : running) {
        f.get();
        vacuumed++;
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("NMIS-PRV-002: the vacuum failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("NMIS-PRV-002: the vacuum was interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    Result result = new Result(Map.copyOf(deleted), vacuumed, (System.nanoTime() - t0) / 1_000_000);
    LOG.info(
        "retention: deleted {} rows ({}), vacuumed {} tables keeping {} h of history, {} ms",
        deleted.values().stream().mapToLong(Long::longValue).sum(),
        deleted,
        vacuumed,
        hours,
        result.millis());
    return result;
  }
}
