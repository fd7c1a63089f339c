package org.nmis.reports;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Filling alone, without the service: a 1,700-passenger manifest and a summary, warm, in this JVM.
 * {@code ./mvnw -q -pl reports test-compile exec:java@bench}.
 */
public final class ReportsBenchmark {
  private ReportsBenchmark() {}

  public static void main(String[] args) {
    Reports reports = new Reports();
    long c0 = System.nanoTime();
    reports.warmUp();
    System.out.printf(
        Locale.ROOT, "compile all templates: %.0f ms%n", (System.nanoTime() - c0) / 1e6);
    ManifestReport manifest = Fixtures.manifest(1_700);
    for (int i = 0; i < 5; i++) {
      reports.manifest(manifest);
    }
    double[] ms = new double[10];
    for (int i = 0; i < ms.length; i++) {
      long t0 = System.nanoTime();
      reports.manifest(manifest);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "manifest of 1,700, warm: median %.0f ms, min %.0f ms, max %.0f ms%n",
        ms[ms.length / 2],
        ms[0],
        ms[ms.length - 1]);
    ManifestReport noQr =
        new ManifestReport(
            manifest.requestId(),
            manifest.trainNumber(),
            manifest.date(),
            manifest.originStation(),
            manifest.destinationStation(),
            manifest.originState(),
            manifest.destinationState(),
            manifest.nocNumber(),
            manifest.coachCount(),
            manifest.byDestinationDistrict(),
            manifest.berths().stream()
                .map(
                    b ->
                        new ManifestReport.Berth(
                            b.coach(),
                            b.berth(),
                            b.berthType(),
                            b.name(),
                            b.age(),
                            b.gender(),
                            b.destinationDistrict(),
                            b.personId(),
                            null))
                .toList(),
            manifest.generatedAt(),
            manifest.generatedBy());
    double[] plain = new double[5];
    for (int i = 0; i < plain.length; i++) {
      long t0 = System.nanoTime();
      reports.manifest(noQr);
      plain[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(plain);
    System.out.printf(
        Locale.ROOT, "the same without QR codes: median %.0f ms%n", plain[plain.length / 2]);
    long q0 = System.nanoTime();
    for (int i = 0; i < 1_700; i++) {
      QrCodes.quick("EP-" + (500000 + i));
    }
    System.out.printf(
        Locale.ROOT, "1,700 QR codes alone: %.0f ms%n", (System.nanoTime() - q0) / 1e6);
    System.out.printf(
        Locale.ROOT,
        "heap used now %d MB (max %d MB)%n",
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }
}
