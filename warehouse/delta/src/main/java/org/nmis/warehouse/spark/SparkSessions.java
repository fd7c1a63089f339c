package org.nmis.warehouse.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Builds the one SparkSession a JVM uses, with Delta Lake and the settings this warehouse relies
 * on.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession getOrCreate(SparkSettings settings) {
    SparkSession.Builder b =
        SparkSession.builder()
            .appName(settings.appName())
            .master(settings.master())
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            // Rows carry java.time values (Instant, LocalDate) rather than java.sql ones.
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", String.valueOf(settings.shufflePartitions()))
            // The default of 50 snapshot partitions made small Delta operations 3x slower on 2
            // cores (STACK.md).
            .config("spark.databricks.delta.snapshotPartitions", "2")
            // VACUUM lists a table's files in this many tasks (default 10,000): minutes per table
            // on 2 cores for a few hundred files.
            .config(
                "spark.sql.sources.parallelPartitionDiscovery.parallelism",
                String.valueOf(settings.shufflePartitions()))
            .config("spark.ui.enabled", "false")
            // Plans of the 27-column registrations table are longer than the default 25 fields:
            // print them whole.
            .config("spark.sql.debug.maxToStringFields", "200")
            // Cached batches live for one micro-batch only: compressing them cost more CPU than it
            // saved (about a
            // sixth of a registrations batch went into dictionary-encoding statistics).
            .config("spark.sql.inMemoryColumnarStorage.compressed", "false")
            .config("spark.sql.adaptive.enabled", "true")
            .config("spark.sql.streaming.stopTimeout", "30s")
            // ${...} in SQL text would read Spark and JVM settings; governed SQL must never expand
            // anything.
            .config("spark.sql.variable.substitute", "false");
    if (settings.master().startsWith("local")) {
      b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    settings.extra().forEach(b::config);
    return b.getOrCreate();
  }
}
