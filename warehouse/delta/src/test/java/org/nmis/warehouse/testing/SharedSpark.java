package org.nmis.warehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.nmis.warehouse.spark.SparkSessions;
import org.nmis.warehouse.spark.SparkSettings;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * One local SparkSession per test JVM (starting one costs 4-11 s), and a fresh warehouse directory
 * per test so that tests never see each other's tables.
 */
public final class SharedSpark {
  private static SparkSession spark;
  private static Path template;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (spark == null) {
      spark = SparkSessions.getOrCreate(SparkSettings.local("nmis-tests"));
      spark.sparkContext().setLogLevel("WARN");
    }
    return spark;
  }

  /**
   * A new, empty warehouse with every table created. The tables are created once per JVM by {@link
   * DeltaTables#ensureAll} and copied file by file after that: creating the 19 tables takes 5-10 s
   * of Spark work on 2 cores, a copy of their first commits a few milliseconds, and an empty Delta
   * table is nothing but its log.
   */
  public static synchronized WarehouseLocation freshWarehouse(String name) {
    try {
      if (template == null) {
        Path dir = Files.createTempDirectory("nmis-template");
        DeltaTables.ensureAll(session(), new WarehouseLocation(dir.toUri().toString()));
        template = dir;
      }
      Path dir = Files.createTempDirectory("nmis-" + name);
      copy(template, dir);
      return new WarehouseLocation(dir.toUri().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
