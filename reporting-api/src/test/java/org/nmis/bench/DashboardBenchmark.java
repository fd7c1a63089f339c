package org.nmis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nmis.api.demo.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code ./nmis bench-dashboard [URL]}: the national view in headless Chromium against a running
 * service (default http://localhost:8080, for example {@code ./nmis demo 1000000}). Signs in as
 * {@code bench.user} (ministry), then loads the view {@code bench.runs} times with the browser
 * cache off (a first visit) and as many times with it on, and reads from the browser's own
 * Performance API the time from navigation start to the mark {@code nmis:map-drawn} (totals, chart,
 * map and corridors drawn) and the bytes of the page, its scripts and styles, and each API call.
 * Writes a Markdown table to {@code bench.out} (default target/dashboard-benchmark.md).
 */
public final class DashboardBenchmark {
  private DashboardBenchmark() {}

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8080";
    String user = System.getProperty("bench.user", "ministry");
    String password = System.getProperty("bench.password", "ministry-demo");
    int runs = Integer.getInteger("bench.runs", 5);
    Path out =
        Path.of(System.getProperty("bench.out", "reporting-api/target/dashboard-benchmark.md"));
    ChromeDriver browser = HeadlessChromium.start();
    List<String> lines = new ArrayList<>();
    try {
      HeadlessChromium.signIn(browser, base, user, password);
      new WebDriverWait(browser, Duration.ofSeconds(60))
          .until(d -> !d.findElements(By.id("total-persons")).isEmpty());
      String registrations = browser.findElement(By.id("total-registrations")).getText();
      browser.executeCdpCommand("Network.enable", Map.of());
      List<Double> cold = new ArrayList<>();
      List<Double> warm = new ArrayList<>();
      List<Map<String, Object>> payload = null;
      for (boolean cacheOff : new boolean[] {true, false}) {
        browser.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", cacheOff));
        for (int i = 0; i < runs; i++) {
          // A new query string each time: a new document, not a jump within the last one.
          browser.get(base + "/index.html?run=" + (cacheOff ? "cold-" : "warm-") + i + "#national");
          new WebDriverWait(browser, Duration.ofSeconds(120))
              .until(
                  d ->
                      (Boolean)
                          ((JavascriptExecutor) d)
                              .executeScript(
                                  "return performance.getEntriesByName('nmis:map-drawn').length"
                                      + " > 0"));
          Number ms =
              (Number)
                  browser.executeScript(
                      "return performance.getEntriesByName('nmis:map-drawn')[0].startTime");
          (cacheOff ? cold : warm).add(ms.doubleValue());
          if (cacheOff && payload == null) {
            payload = entries(browser);
          }
        }
      }
      lines.add("Dashboard national view, " + registrations + " registrations, " + base);
      lines.add("");
      lines.add("| Load | Runs | First render p50 (ms) | Min | Max |");
      lines.add("|---|---:|---:|---:|---:|");
      lines.add(row("first visit (cache off)", cold));
      lines.add(row("repeat visit (cache on)", warm));
      lines.add("");
      lines.add("| Resource | Kind | Transferred (bytes) | Body (bytes, uncompressed) |");
      lines.add("|---|---|---:|---:|");
      long transferred = 0;
      long decoded = 0;
      for (Map<String, Object> e : payload) {
        long t = ((Number) e.get("transfer")).longValue();
        long d = ((Number) e.get("decoded")).longValue();
        transferred += t;
        decoded += d;
        lines.add(
            "| `"
                + e.get("name").toString().replace(base, "")
                + "` | "
                + e.get("kind")
                + " | "
                + t
                + " | "
                + d
                + " |");
      }
      lines.add("| **total** | | **" + transferred + "** | **" + decoded + "** |");
    } finally {
      browser.quit();
    }
    String table = String.join("\n", lines) + "\n";
    System.out.print(table);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, table);
  }

  /** The page and every resource it fetched, with its bytes on the wire and as decoded. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(ChromeDriver browser) {
    return (List<Map<String, Object>>)
        browser.executeScript(
            "return performance.getEntriesByType('navigation').concat("
                + "performance.getEntriesByType('resource')).map(e => ({name: e.name,"
                + " kind: e.initiatorType, transfer: e.transferSize, decoded: e.decodedBodySize}));");
  }

  private static String row(String label, List<Double> ms) {
    List<Double> sorted = new ArrayList<>(ms);
    sorted.sort(null);
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.0f | %.0f | %.0f |",
        label,
        ms.size(),
        sorted.get(sorted.size() / 2),
        sorted.get(0),
        sorted.get(sorted.size() - 1));
  }
}
