package org.nmis.warehouse.spark;

import java.util.Map;

/**
 * How to reach Spark: {@code master} is {@code local[*]} for the embedded default or a cluster URL
 * ({@code spark://host:7077}, {@code yarn}, {@code k8s://...}); {@code extra} is passed through as
 * Spark configuration (for example {@code spark.hadoop.fs.s3a.endpoint}).
 */
public record SparkSettings(
    String appName, String master, int shufflePartitions, Map<String, String> extra) {
  public SparkSettings {
    extra = Map.copyOf(extra);
  }

  public static SparkSettings local(String appName) {
    return new SparkSettings(appName, "local[2]", 4, Map.of());
  }
}
