package org.nmis.warehouse.testing;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * Where a text is still found in a warehouse: in the rows of its tables (read with Spark, every
 * value as JSON) and in the bytes of its files (data, change data, log, checkpoints). The erasure
 * tests use both: a table can be clean while an old file version still holds the person.
 */
public final class WarehouseScan {
  private WarehouseScan() {}

  /** For each text, the names of the tables one of whose rows contains it (one read per table). */
  public static Map<String, List<String>> tablesHolding(
      SparkSession spark,
      WarehouseLocation warehouse,
      List<TableDefinition> tables,
      String... texts) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (String text : texts) {
      found.put(text, new ArrayList<>());
    }
    Column[] hits = new Column[texts.length];
    for (int i = 0; i < texts.length; i++) {
      hits[i] = max(col("row").contains(texts[i]).cast("int")).alias("t" + i);
    }
    for (TableDefinition table : tables) {
      Row row =
          spark
              .read()
              .format("delta")
              .load(warehouse.pathOf(table))
              .selectExpr("to_json(struct(*)) AS row")
              .agg(hits[0], java.util.Arrays.copyOfRange(hits, 1, hits.length))
              .first();
      for (int i = 0; i < texts.length; i++) {
        if (!row.isNullAt(i) && row.getInt(i) == 1) {
          found.get(texts[i]).add(table.name());
        }
      }
    }
    return found;
  }

  /** Whether any file under the warehouse holds the UTF-8 bytes of {@code text}. */
  public static boolean filesHold(WarehouseLocation warehouse, String text) {
    return filesHold(Path.of(URI.create(warehouse.root())), text);
  }

  /** Whether any file under {@code root} holds the UTF-8 bytes of {@code text}. */
  public static boolean filesHold(Path root, String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).anyMatch(f -> contains(read(f), needle));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
