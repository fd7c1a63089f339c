package org.nmis.api.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code ./nmis screenshots [URL] [DIR]}: each desk as a demo user sees it on a running demo
 * (default http://localhost:8080), as the PNGs the README shows (default docs/). The Railways desk
 * opens the first manifest's coaches; the health desk looks up its first traveller and their
 * contacts. The pages are checked by {@code WebDashboardIT}; this only takes pictures of them.
 */
public final class DashboardScreenshots {
  private static final int MAX_HEIGHT = 1600;

  private DashboardScreenshots() {}

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8080";
    Path dir = Path.of(args.length > 1 ? args[1] : "docs");
    Files.createDirectories(dir);
    ChromeDriver browser = HeadlessChromium.start();
    try {
      shoot(browser, base, "ministry", "ministry-demo", "national", b -> true, dir, "national");
      shoot(browser, base, "mh-state", "mh-demo", "state", b -> true, dir, "state");
      String traveller =
          shoot(
              browser,
              base,
              "railways",
              "railways-demo",
              "railways",
              b -> {
                click(b, By.cssSelector("button.show-coaches"), By.id("coach-counts"));
                return (String)
                    ((JavascriptExecutor) b)
                        .executeAsyncScript(
                            "const done = arguments[arguments.length - 1];"
                                + "fetch('/api/v1/movement/requests').then(r => r.json())"
                                + ".then(rs => done(rs.find(q => q.manifest).passengers[0]));");
              },
              dir,
              "railways");
      shoot(
          browser,
          base,
          "health",
          "health-demo",
          "health",
          b -> {
            b.findElement(By.id("lookup-key")).sendKeys(traveller);
            b.findElement(By.id("lookup-purpose")).sendKeys("DEMO-CASE-1");
            click(b, By.id("lookup-go"), By.cssSelector(".contacts-go"));
            click(b, By.cssSelector(".contacts-go"), By.id("contact-list"));
            return true;
          },
          dir,
          "health");
      shoot(
          browser,
          base,
          "auditor",
          "auditor-demo",
          "sql",
          b -> click(b, By.id("run-sql"), By.id("sql-grid")),
          dir,
          "sql");
      browser.manage().window().setSize(new Dimension(390, 844));
      shoot(browser, base, "mh-state", "mh-demo", "state", b -> true, dir, "phone-state");
    } finally {
      browser.quit();
    }
  }

  private static <T> T shoot(
      ChromeDriver browser,
      String base,
      String user,
      String password,
      String desk,
      Function<WebDriver, T> action,
      Path dir,
      String name)
      throws Exception {
    HeadlessChromium.signIn(browser, base, user, password);
    browser.get(base + "/index.html?shot=" + desk + "#" + desk);
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(
            d ->
                desk.equals(d.findElement(By.tagName("body")).getDomAttribute("data-desk"))
                    && d.findElements(By.xpath("//main/div/p[starts-with(., 'Loading')]"))
                        .isEmpty());
    T result = action.apply(browser);
    Dimension before = browser.manage().window().getSize();
    long height =
        ((Number) browser.executeScript("return document.documentElement.scrollHeight;"))
            .longValue();
    browser.executeScript("window.scrollTo(0, 0);");
    browser
        .manage()
        .window()
        .setSize(
            new Dimension(
                before.getWidth(),
                (int) Math.max(before.getHeight(), Math.min(MAX_HEIGHT, height + 90))));
    Path named = dir.resolve("dashboard-" + name + ".png");
    Files.write(named, browser.getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(before);
    System.out.println("wrote " + named);
    browser.findElement(By.id("sign-out")).click();
    return result;
  }

  private static boolean click(WebDriver b, By what, By then) {
    b.findElement(what).click();
    new WebDriverWait(b, Duration.ofSeconds(60)).until(d -> !d.findElements(then).isEmpty());
    return true;
  }
}
