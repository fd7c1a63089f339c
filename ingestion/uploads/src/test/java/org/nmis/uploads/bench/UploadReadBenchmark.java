package org.nmis.uploads.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.nmis.uploads.Limits;
import org.nmis.uploads.UploadFile;
import org.nmis.uploads.testing.ExcelLikeXlsx;
import org.nmis.uploads.testing.HeapProbe;
import org.nmis.uploads.testing.UploadSamples;

/**
 * Times {@link UploadFile} on a 1,000,000-row CSV and 100,000 / 1,000,000-row XLSX workbooks of
 * synthetic registrations, single thread: open (the file-level checks: the CSV counting pass, the
 * XLSX shared strings) and then every row. Each file is read twice and the second run is reported,
 * after the JIT has warmed up. The files are made in the given folder on the first run and kept.
 * Heap figures are live heap after full collections (sampled every 100,000 rows, their time left
 * out) and the peak in use. {@code ./mvnw -q -B -pl ingestion/uploads test-compile exec:exec@bench
 * [-Dbench.heap=256m]}
 */
public final class UploadReadBenchmark {
  private UploadReadBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench"));
    Path csv = sample(dir.resolve("registrations-1000000.csv"), 1_000_000, false);
    Path xlsx100k = sample(dir.resolve("registrations-100000.xlsx"), 100_000, true);
    Path xlsx1m = sample(dir.resolve("registrations-1000000.xlsx"), 1_000_000, true);
    System.out.printf("heap limit %.0f MiB%n", HeapProbe.maxHeapMiB());
    for (Path file : new Path[] {csv, xlsx100k, xlsx1m}) {
      read(file, false);
      read(file, true);
    }
  }

  private static Path sample(Path file, int rows, boolean xlsx) throws IOException {
    if (!Files.exists(file)) {
      long start = System.nanoTime();
      if (xlsx) {
        ExcelLikeXlsx.write(file, rows);
      } else {
        UploadSamples.writeCsv(file, rows);
      }
      System.out.printf(
          "made %s in %.1f s%n", file.getFileName(), (System.nanoTime() - start) / 1e9);
    }
    return file;
  }

  private static void read(Path file, boolean report) throws IOException {
    HeapProbe heap = new HeapProbe();
    AtomicLong rows = new AtomicLong();
    AtomicLong sampling = new AtomicLong();
    long start = System.nanoTime();
    long opened;
    try (UploadFile upload = UploadFile.open(file, Limits.DEFAULT)) {
      opened = System.nanoTime();
      upload
          .rows()
          .forEach(
              row -> {
                if (rows.incrementAndGet() % 100_000 == 0 && report) {
                  long t = System.nanoTime();
                  heap.sample();
                  sampling.addAndGet(System.nanoTime() - t);
                }
              });
    }
    long end = System.nanoTime();
    if (report) {
      double seconds = (end - start - sampling.get()) / 1e9;
      System.out.printf(
          "%-28s %6.1f MiB  %,9d rows  open %5.2f s  total %5.1f s  %,7.0f rows/s  live heap +%.1f MiB"
              + "  peak heap %.0f MiB%n",
          file.getFileName(),
          Files.size(file) / 1048576.0,
          rows.get(),
          (opened - start) / 1e9,
          seconds,
          rows.get() / seconds,
          heap.retainedMiB(),
          heap.peakMiB());
    }
  }
}
