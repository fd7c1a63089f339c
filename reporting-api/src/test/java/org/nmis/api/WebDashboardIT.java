package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (headless Chromium from Debian, driven by chromedriver): sign-in
 * with the form, each role's landing desk, sign-out, CSRF on changes made with the session, and the
 * SQL console under the policy. Screenshots of each desk go to target/screenshots.
 */
class WebDashboardIT extends ApiTestBase {
  private static final Path SHOTS = Path.of("target", "screenshots");
  private static WebDriver browser;
  private static boolean travelled;

  @BeforeAll
  static void startBrowser() throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("nmis.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,768");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("nmis.chromedriver", "/usr/bin/chromedriver")).toFile())
            .build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void eachRoleSignsInAndLandsOnItsDesk() throws Exception {
    Map<String, String[]> users =
        Map.of(
            "ministry", new String[] {"ministry-demo", "national"},
            "up-state", new String[] {"up-demo", "state"},
            "gkp-district", new String[] {"gkp-demo", "state"},
            "railways", new String[] {"railways-demo", "national"},
            "health", new String[] {"health-demo", "national"},
            "auditor", new String[] {"auditor-demo", "national"});
    for (Map.Entry<String, String[]> u : users.entrySet()) {
      signIn(u.getKey(), u.getValue()[0]);
      waitFor(
          d ->
              u.getValue()[1].equals(
                  d.findElement(By.tagName("body")).getDomAttribute("data-desk")));
      assertTrue(
          browser.findElement(By.id("who")).getText().startsWith(u.getKey()),
          browser.findElement(By.id("who")).getText());
      signOut();
    }
  }

  @Test
  void theNationalViewShowsTheTotalsTheApiGives() throws Exception {
    travellersFromPuneToGorakhpur();
    JsonNode flows = json(get("/api/v1/flows?level=state", "ministry", "ministry-demo"));
    assertTrue(flows.get("persons").asLong() >= 2, flows.toString());
    signIn("ministry", "ministry-demo");
    waitFor(d -> !d.findElements(By.id("total-persons")).isEmpty());
    assertEquals(
        String.format(java.util.Locale.ROOT, "%,d", flows.get("persons").asLong()).replace(",", ""),
        browser.findElement(By.id("total-persons")).getText().replace(",", ""));
    // The map: one circle per state or union territory with coordinates, an arc per corridor drawn.
    JsonNode states = json(get("/api/v1/reference/states", "ministry", "ministry-demo"));
    int located = 0;
    for (JsonNode st : states) {
      located += st.get("latitude").isNull() ? 0 : 1;
    }
    assertTrue(located > 30, "states with coordinates: " + located);
    assertEquals(located, browser.findElements(By.cssSelector("#flow-map circle.state")).size());
    assertTrue(!browser.findElements(By.cssSelector("#flow-map path.arc")).isEmpty());
    browser.findElement(By.cssSelector("#flow-map circle.state[data-state='9']")).click();
    waitFor(d -> !d.findElements(By.id("state-summary")).isEmpty());
    int upDistricts =
        json(get("/api/v1/reference/districts?state=9", "ministry", "ministry-demo")).size();
    assertTrue(
        browser
            .findElement(By.id("state-summary"))
            .getText()
            .startsWith(upDistricts + " districts"),
        browser.findElement(By.id("state-summary")).getText());
    assertEquals(
        upDistricts, browser.findElements(By.cssSelector("#flow-map circle.district")).size());
    shoot("national");
    signOut();
  }

  @Test
  void aStateSeesItsOwnFlowsAndIsRefusedForbiddenTablesInTheSqlConsole() throws Exception {
    travellersFromPuneToGorakhpur();
    JsonNode in = json(get("/api/v1/flows?level=state&destination_state=9", "up-state", "up-demo"));
    assertTrue(in.get("persons").asLong() >= 2, in.toString());
    signIn("up-state", "up-demo");
    waitFor(d -> !d.findElements(By.id("inflow")).isEmpty());
    assertEquals(
        in.get("persons").asLong(),
        Long.parseLong(browser.findElement(By.id("inflow")).getText().replace(",", "")));
    assertTrue(
        browser.findElement(By.id("desk")).getText().contains("Maharashtra: "),
        "Maharashtra among the origins: " + browser.findElement(By.id("desk")).getText());
    shoot("state");
    browser.findElement(By.cssSelector("a[data-desk=sql]")).click();
    waitFor(d -> !d.findElements(By.id("sql")).isEmpty());
    browser.findElement(By.id("sql")).clear();
    browser.findElement(By.id("sql")).sendKeys("SELECT count(*) FROM audit_log");
    browser.findElement(By.id("run-sql")).click();
    waitFor(d -> !d.findElements(By.id("sql-error")).isEmpty());
    String error = browser.findElement(By.id("sql-error")).getText();
    assertTrue(error.contains("line 1, column"), error);
    shoot("sql");
    signOut();
  }

  @Test
  void wrongPasswordsAreRefusedAndChangesWithTheSessionNeedTheCsrfToken() throws Exception {
    browser.get(url("/login.html"));
    fillIn("ministry", "not-the-password");
    waitFor(ExpectedConditions.urlContains("error"));
    assertTrue(browser.findElement(By.id("message")).getText().startsWith("Wrong user name"));

    signIn("ministry", "ministry-demo");
    waitFor(d -> "national".equals(d.findElement(By.tagName("body")).getDomAttribute("data-desk")));
    String sql = "{\"sql\": \"SELECT 1\", \"format\": \"json\"}";
    Object without = post("/api/v1/sql", sql, Map.of("Content-Type", "application/json"));
    assertEquals(403L, without, "a change with the session and no CSRF token is refused");
    Object with =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "import('/app/api.js').then(m => m.api('/api/v1/sql', {method: 'POST',"
                    + " headers: {'Content-Type': 'application/json'}, body: arguments[0]}))"
                    + ".then(r => done(r.status), e => done(String(e)));",
                sql);
    assertEquals(200L, with, "with the token from the XSRF-TOKEN cookie it goes through");

    signOut();
    assertTrue(browser.getCurrentUrl().contains("signed-out"), browser.getCurrentUrl());
    Object after = fetchStatus("/api/v1/session");
    assertEquals(401L, after, "the session ended with the sign-out");
  }

  /**
   * Two travellers from Pune to Gorakhpur, once for the class, in the flows before a desk opens.
   */
  private void travellersFromPuneToGorakhpur() throws Exception {
    if (!travelled) {
      registerTwoTravellers("WEB-", "7310000001", "7310000002", "Meena Devi");
      platform.awaitFlowsCaughtUp();
      travelled = true;
    }
  }

  private void signIn(String user, String password) {
    browser.get(url("/login.html"));
    fillIn(user, password);
    waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("login")));
  }

  private void fillIn(String user, String password) {
    waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector("#sign-in button")));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("#sign-in button")).click();
  }

  private void signOut() {
    waitFor(ExpectedConditions.elementToBeClickable(By.id("sign-out")));
    browser.findElement(By.id("sign-out")).click();
    waitFor(ExpectedConditions.urlContains("login"));
  }

  /**
   * A fetch from the page with the session cookie and nothing else (no CSRF token); the HTTP
   * status.
   */
  private Object post(String path, String body, Map<String, String> headers) {
    return ((JavascriptExecutor) browser)
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin',"
                + " headers: arguments[2], body: arguments[1]}).then(r => done(r.status));",
            path,
            body,
            headers);
  }

  private Object fetchStatus(String path) {
    return ((JavascriptExecutor) browser)
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin',"
                + " headers: {'X-Requested-With': 'XMLHttpRequest'}}).then(r => done(r.status));",
            path);
  }

  private <T> void waitFor(java.util.function.Function<? super WebDriver, T> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
  }

  private void shoot(String desk) throws IOException {
    Files.write(
        SHOTS.resolve("desk-" + desk + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
