package org.nmis.uploads.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Measures how much heap a read keeps: live heap after a full collection, sampled now and then,
 * against the baseline taken when the probe is made; and the peak heap in use (garbage included)
 * since then.
 */
public final class HeapProbe {
  private static final double MIB = 1024 * 1024;

  private final long baseline;
  private long maxRetained;

  public HeapProbe() {
    baseline = liveHeap();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  public void sample() {
    maxRetained = Math.max(maxRetained, liveHeap() - baseline);
  }

  /** The most live heap seen above the baseline, in MiB. */
  public double retainedMiB() {
    return maxRetained / MIB;
  }

  /** The peak heap in use since the probe was made, garbage included, in MiB. */
  public double peakMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / MIB;
  }

  public static double maxHeapMiB() {
    return Runtime.getRuntime().maxMemory() / MIB;
  }

  private static long liveHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
