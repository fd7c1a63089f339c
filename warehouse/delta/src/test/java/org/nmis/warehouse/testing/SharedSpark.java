package org.nmis.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.nmis.warehouse.spark.SparkSessions;
import org.nmis.warehouse.spark.SparkSettings;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * One local SparkSession per test JVM (starting one costs 4-11 s), and a fresh warehouse directory
 * per test class so that tests never see each other's tables.
 */
public final class SharedSpark {
  private static SparkSession spark;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (spark == null) {
      spark = SparkSessions.getOrCreate(SparkSettings.local("nmis-tests"));
      spark.sparkContext().setLogLevel("WARN");
    }
    return spark;
  }

  /** A new, empty warehouse with every table created. */
  public static WarehouseLocation freshWarehouse(String name) {
    try {
      Path dir = Files.createTempDirectory("nmis-" + name);
      WarehouseLocation location = new WarehouseLocation(dir.toUri().toString());
      DeltaTables.ensureAll(session(), location);
      return location;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
