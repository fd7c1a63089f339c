package org.nmis.cluster;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.spark.sql.SparkSession;
import org.nmis.warehouse.spark.SparkSessions;
import org.nmis.warehouse.spark.SparkSettings;

/**
 * {@code ./nmis cluster check}: proves the local cluster works end to end, exiting 1 when it does
 * not. The three brokers hold a topic of replication factor 3 with every replica in sync; a job on
 * the standalone master runs its tasks in the workers' executors and writes a Delta table on HDFS
 * that reads back whole.
 *
 * <pre>
 * ClusterCheck [kafka bootstrap] [spark master] [hdfs root]
 * </pre>
 */
public final class ClusterCheck {
  private ClusterCheck() {}

  public static void main(String[] args) throws Exception {
    String kafka = args.length > 0 ? args[0] : LocalCluster.KAFKA;
    String master = args.length > 1 ? args[1] : LocalCluster.MASTER;
    String hdfs = args.length > 2 ? args[2] : LocalCluster.HDFS;
    boolean ok = checkKafka(kafka) & checkSparkOnHdfs(master, hdfs);
    System.out.println(ok ? "cluster check: OK" : "cluster check: FAILED");
    System.exit(ok ? 0 : 1);
  }

  private static boolean checkKafka(String bootstrap) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(p)) {
      int brokers = admin.describeCluster().nodes().get().size();
      String topic = "nmis.cluster-check";
      if (!admin.listTopics().names().get().contains(topic)) {
        admin
            .createTopics(
                List.of(
                    new NewTopic(topic, 4, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
            .all()
            .get();
      }
      TopicDescription d = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
      boolean inSync =
          d.partitions().stream().allMatch(t -> t.replicas().size() == 3 && t.isr().size() == 3);
      System.out.printf(
          "kafka: %d brokers; %s: %d partitions, every one 3 replicas all in sync: %s%n",
          brokers, topic, d.partitions().size(), inSync);
      return brokers == 3 && inSync;
    }
  }

  private static boolean checkSparkOnHdfs(String master, String hdfs) {
    SparkSession spark =
        SparkSessions.getOrCreate(
            new SparkSettings(
                "nmis-cluster-check",
                master,
                4,
                Map.of(
                    "spark.executor.memory", "1g",
                    "spark.cores.max", "2",
                    "spark.hadoop.fs.defaultFS", hdfs)));
    try {
      String table = hdfs + "/nmis-cluster-check/numbers";
      spark
          .range(0, 100_000)
          .selectExpr("id", "id % 37 AS k")
          .repartition(8)
          .write()
          .format("delta")
          .mode("overwrite")
          .save(table);
      long rows = spark.read().format("delta").load(table).count();
      long sum = spark.read().format("delta").load(table).selectExpr("sum(id)").first().getLong(0);
      int executors = spark.sparkContext().getExecutorMemoryStatus().size() - 1;
      boolean ok = rows == 100_000 && sum == 99_999L * 100_000 / 2 && executors >= 2;
      System.out.printf(
          "spark: %d executors on %s; Delta table %s: %d rows, sum %d: %s%n",
          executors, master, table, rows, sum, ok);
      return ok;
    } finally {
      spark.stop();
    }
  }
}
