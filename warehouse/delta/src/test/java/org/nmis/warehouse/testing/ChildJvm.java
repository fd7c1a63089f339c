package org.nmis.warehouse.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The start of a command line for a child JVM that runs Spark as the test's own JVM does: the same
 * module openings and flags (the build's argLine), with its own heap. Crash tests start the job or
 * the service this way to kill it with SIGKILL.
 */
public final class ChildJvm {
  private ChildJvm() {}

  public static List<String> java(String maxHeap) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                a.startsWith("--add-")
                    || a.startsWith("-XX:")
                    || a.startsWith("-Dio.netty")
                    || a.startsWith("-Djdk.reflect"))
        .forEach(cmd::add);
    cmd.add("-Xmx" + maxHeap);
    return cmd;
  }
}
