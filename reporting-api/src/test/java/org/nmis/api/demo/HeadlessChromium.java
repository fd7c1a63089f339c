package org.nmis.api.demo;

import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and chromedriver, headless at 1366x768, for the browser tests, the dashboard
 * benchmark and the screenshots ({@code nmis.chromium}, {@code nmis.chromedriver} override the
 * paths).
 */
public final class HeadlessChromium {
  private HeadlessChromium() {}

  public static ChromeDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("nmis.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768");
    return new ChromeDriver(
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("nmis.chromedriver", "/usr/bin/chromedriver")).toFile())
            .build(),
        options);
  }

  /**
   * A wait that looks every 50 ms: Selenium's default of 500 ms adds a quarter of a second on
   * average to every wait, and the dashboard's tests wait some sixty times.
   */
  public static WebDriverWait waiting(WebDriver browser, Duration timeout) {
    return new WebDriverWait(browser, timeout, Duration.ofMillis(50));
  }

  /** Signs in with the form at {@code base}/login.html and waits to leave the sign-in page. */
  public static void signIn(WebDriver browser, String base, String user, String password) {
    browser.get(base + "/login.html");
    WebDriverWait wait = waiting(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#sign-in button")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("#sign-in button")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("login")));
  }
}
