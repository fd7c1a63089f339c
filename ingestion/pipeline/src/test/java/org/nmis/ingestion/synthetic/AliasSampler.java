package org.nmis.ingestion.synthetic;

import java.util.SplittableRandom;

/**
 * Draws an index with probability proportional to its weight in constant time (Walker's alias
 * method, in Vose's stable form): one uniform index and one coin per draw, however many weights
 * there are. The generator draws a state pair for every row from some 1,250 Census flows, so a
 * binary search per row would be its hot spot.
 */
final class AliasSampler {
  private final double[] keep;
  private final int[] alias;

  /**
   * Weights as a literal list, for the generator's small categorical choices (formats, modes,
   * ages).
   */
  static AliasSampler of(double... weights) {
    return new AliasSampler(weights);
  }

  AliasSampler(double[] weights) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("an alias sampler needs at least one weight");
    }
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and non-negative, got " + w);
      }
      total += w;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
    keep = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / total;
      if (scaled[i] < 1) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int s = small[--smallCount];
      int l = large[--largeCount];
      keep[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        small[smallCount++] = l;
      } else {
        large[largeCount++] = l;
      }
    }
    // What is left is 1 up to rounding error: such a column keeps its own index outright.
    while (largeCount > 0) {
      int l = large[--largeCount];
      keep[l] = 1;
      alias[l] = l;
    }
    while (smallCount > 0) {
      int s = small[--smallCount];
      keep[s] = 1;
      alias[s] = s;
    }
  }

  int next(SplittableRandom random) {
    int i = random.nextInt(keep.length);
    return random.nextDouble() < keep[i] ? i : alias[i];
  }
}
