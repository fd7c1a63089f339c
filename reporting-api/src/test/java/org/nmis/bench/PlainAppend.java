package org.nmis.bench;

import org.nmis.api.platform.WarehousePlatform;

/**
 * The ceiling of the machine: Kafka records appended to a Delta table as they are, no parsing, no
 * MERGE.
 */
final class PlainAppend {
  private PlainAppend() {}

  static double run(WarehousePlatform platform, String path) {
    var spark = platform.spark();
    var records =
        spark
            .read()
            .format("kafka")
            .option("kafka.bootstrap.servers", platform.bootstrapServers())
            .option("subscribe", "nmis.registrations.v1")
            .option("startingOffsets", "earliest")
            .load();
    long t0 = System.nanoTime();
    records.write().format("delta").mode("append").save(path);
    return (System.nanoTime() - t0) / 1e9;
  }
}
