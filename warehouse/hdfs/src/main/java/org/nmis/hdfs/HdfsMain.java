package org.nmis.hdfs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * Runs HDFS for the local cluster ({@code ./nmis cluster up}): the real NameNode and DataNodes of
 * Apache Hadoop (MiniDFSCluster) in this JVM, their storage under {@code --dir}, the NameNode at
 * {@code hdfs://127.0.0.1:<port>}.
 *
 * <pre>
 * --dir &lt;dataDir&gt; --port &lt;nameNodePort&gt; --http-port &lt;port&gt; [--datanodes N] [--replication N]
 * </pre>
 *
 * The storage is formatted on the first start only, so a restart keeps every file. Writing the file
 * {@code restart-datanode-<i>} into {@code --dir} restarts DataNode i (from 0): the fault that the
 * cluster's test and script use.
 */
public final class HdfsMain {
  private HdfsMain() {}

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    Path dir = o.dir().toAbsolutePath();
    Files.createDirectories(dir);
    boolean fresh = !Files.exists(dir.resolve("formatted"));
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
    conf.setInt("dfs.replication", o.replication());
    conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
    // A DataNode that comes back after a restart is used again at once.
    conf.setInt("dfs.namenode.heartbeat.recheck-interval", 10_000);
    MiniDFSCluster cluster =
        new MiniDFSCluster.Builder(conf, dir.resolve("dfs").toFile())
            .nameNodePort(o.port())
            .nameNodeHttpPort(o.httpPort())
            .numDataNodes(o.datanodes())
            .format(fresh)
            .manageNameDfsDirs(true)
            .manageDataDfsDirs(true)
            .build();
    cluster.waitActive();
    Files.writeString(dir.resolve("formatted"), "yes\n");
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::shutdown, "hdfs-shutdown"));
    System.out.println(
        "[HdfsMain] HDFS at hdfs://127.0.0.1:"
            + o.port()
            + " with "
            + o.datanodes()
            + " DataNodes");
    while (true) {
      Thread.sleep(500);
      for (int i = 0; i < o.datanodes(); i++) {
        Path ask = dir.resolve("restart-datanode-" + i);
        if (Files.deleteIfExists(ask)) {
          System.out.println("[HdfsMain] restarting DataNode " + i);
          cluster.restartDataNode(i, true);
          cluster.waitActive();
          System.out.println("[HdfsMain] DataNode " + i + " is back");
        }
      }
    }
  }

  record Options(Path dir, int port, int httpPort, int datanodes, int replication) {
    static Options parse(String[] args) {
      Path dir = null;
      Integer port = null;
      Integer http = null;
      int datanodes = 2;
      Optional<Integer> replication = Optional.empty();
      for (int i = 0; i + 1 < args.length; i += 2) {
        String v = args[i + 1];
        switch (args[i]) {
          case "--dir" -> dir = new File(v).toPath();
          case "--port" -> port = Integer.parseInt(v);
          case "--http-port" -> http = Integer.parseInt(v);
          case "--datanodes" -> datanodes = Integer.parseInt(v);
          case "--replication" -> replication = Optional.of(Integer.parseInt(v));
          default -> throw usage("unknown option " + args[i]);
        }
      }
      if (dir == null || port == null || http == null || datanodes < 1) {
        throw usage("--dir, --port and --http-port are required, --datanodes at least 1");
      }
      return new Options(dir, port, http, datanodes, replication.orElse(Math.min(2, datanodes)));
    }

    private static IllegalArgumentException usage(String problem) {
      return new IllegalArgumentException(
          problem
              + System.lineSeparator()
              + "usage: HdfsMain --dir <dataDir> --port <nameNodePort> --http-port <port>"
              + " [--datanodes N] [--replication N]");
    }
  }
}
