package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nmis.api.demo.HeadlessChromium;
import org.nmis.model.registration.Field;
import org.nmis.uploads.testing.UploadSamples;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
    browser = HeadlessChromium.start();
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
    openDesk("sql");
    waitFor(d -> !d.findElements(By.id("sql")).isEmpty());
    browser.findElement(By.id("sql")).clear();
    browser.findElement(By.id("sql")).sendKeys("SELECT count(*) FROM audit_log");
    browser.findElement(By.id("run-sql")).click();
    waitFor(d -> !d.findElements(By.id("sql-error")).isEmpty());
    String error = browser.findElement(By.id("sql-error")).getText();
    assertTrue(error.contains("line 1, column"), error);
    // The editor lists what the role may read: registrations, with the Aadhaar token hidden; no
    // audit_log.
    waitFor(d -> !d.findElements(By.cssSelector("#sql-tables details")).isEmpty());
    assertTrue(browser.findElements(By.cssSelector("details[data-table=audit_log]")).isEmpty());
    WebElement registrations =
        browser.findElement(By.cssSelector("details[data-table=registrations]"));
    registrations.findElement(By.tagName("summary")).click();
    assertEquals(
        "HIDDEN",
        registrations
            .findElement(By.xpath(".//li[code='aadhaar_token']"))
            .getDomAttribute("data-mask"));
    browser.findElement(By.id("sql")).clear();
    browser
        .findElement(By.id("sql"))
        .sendKeys(
            "SELECT * FROM states"); // a fixed number of rows, whatever the other tests register
    browser.findElement(By.id("run-sql")).click();
    waitFor(d -> !d.findElements(By.id("sql-count")).isEmpty());
    long shown = number(browser.findElement(By.id("sql-count")).getText().split(" ")[0]);
    assertEquals(shown, browser.findElements(By.cssSelector("#sql-grid tbody tr")).size());
    browser.findElement(By.id("export-csv")).click();
    waitFor(d -> !d.findElements(By.id("sql-exported")).isEmpty());
    assertEquals(
        "Exported " + shown + (shown == 1 ? " row" : " rows") + " as CSV.",
        browser.findElement(By.id("sql-exported")).getText());
    // Every corridor the console shows Uttar Pradesh touches Uttar Pradesh.
    browser.findElement(By.id("sql")).clear();
    browser
        .findElement(By.id("sql"))
        .sendKeys("SELECT DISTINCT origin_state_code, destination_state_code FROM od_flows");
    browser.findElement(By.id("run-sql")).click();
    waitFor(d -> !d.findElements(By.cssSelector("#sql-grid tbody tr")).isEmpty());
    for (WebElement row : browser.findElements(By.cssSelector("#sql-grid tbody tr"))) {
      assertTrue(
          row.getText().matches("(9\\s.*|.*\\s9)"),
          "a corridor outside Uttar Pradesh: " + row.getText());
    }
    shoot("sql");
    signOut();
  }

  @Test
  void wrongPasswordsAreRefusedAndChangesWithTheSessionNeedTheCsrfToken() throws Exception {
    // No inline script may run on the pages, and no other site may frame them.
    String policy =
        get("/index.html", "ministry", "ministry-demo")
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("");
    assertTrue(
        policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
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

  @Test
  void theNationalViewFiltersByDateDrawsTheDailyChartAndListsEscalations() throws Exception {
    travellersFromPuneToGorakhpur();
    JsonNode daily = json(get("/api/v1/flows/daily", "ministry", "ministry-demo"));
    assertTrue(daily.get("days").size() >= 1, daily.toString());
    signIn("ministry", "ministry-demo");
    waitFor(d -> !d.findElements(By.cssSelector("#daily-chart rect.bar")).isEmpty());
    assertEquals(
        daily.get("days").size(),
        browser.findElements(By.cssSelector("#daily-chart rect.bar")).size());
    waitFor(d -> !d.findElements(By.cssSelector("#escalations h2")).isEmpty());
    // One day only: the totals are the API's for that day.
    String day = daily.get("days").get(0).get("travelDate").asText();
    JsonNode oneDay =
        json(
            get(
                "/api/v1/flows?level=state&from=" + day + "&to=" + day,
                "ministry",
                "ministry-demo"));
    setDate("from", day);
    setDate("to", day);
    browser.findElement(By.id("apply-dates")).click();
    waitFor(
        d ->
            number(d.findElement(By.id("total-persons")).getText())
                == oneDay.get("persons").asLong());
    assertEquals(1, browser.findElements(By.cssSelector("#daily-chart rect.bar")).size());
    signOut();
  }

  @Test
  void aStateUploadsAFileAndSeesItsProgressThenItsCountsAndErrorReport() throws Exception {
    int rows = 500; // one in fifty is bad
    Path file = Files.createTempFile("web-upload", ".csv");
    StringBuilder csv = new StringBuilder(UploadSamples.HEADER).append("\r\n");
    int mobile = Field.SUBMITTED.indexOf(Field.MOBILE);
    for (int i = 0; i < rows; i++) {
      List<Object> v = UploadSamples.row(i);
      v.set(0, "WEB-UP-" + i);
      if (!UploadSamples.isBad(i) || i / 50 % 5 != 1) {
        v.set(mobile, 7_400_000_000L + i);
      }
      csv.append(String.join(",", v.stream().map(x -> x == null ? "" : x.toString()).toList()))
          .append("\r\n");
    }
    Files.writeString(file, csv);
    signIn("mh-state", "mh-demo");
    waitFor(d -> !d.findElements(By.id("upload-file")).isEmpty());
    browser.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("upload-send")).click();
    waitFor(d -> !d.findElements(By.id("upload-accepted")).isEmpty());
    assertEquals(rows - rows / 50, number(browser.findElement(By.id("upload-accepted")).getText()));
    assertEquals(rows / 50, number(browser.findElement(By.id("upload-rejected")).getText()));
    assertEquals("100", browser.findElement(By.id("upload-progress")).getDomProperty("value"));
    assertTrue(
        browser.findElement(By.id("upload-state")).getText().startsWith("DONE: 500 rows read"),
        browser.findElement(By.id("upload-state")).getText());
    String report = browser.findElement(By.id("upload-errors")).getDomAttribute("href");
    Object lines =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text()).then(t => done(t.trim().split('\\n').length));",
                report);
    assertEquals((long) rows / 50 + 1, lines, "the header and one line per bad row");
    // The report carries the rejected values: its download is audited like a read.
    String uploadId =
        browser.findElement(By.cssSelector("#upload-counts dd")).getText().split(" ")[0];
    platform.awaitAuditLanded();
    assertEquals(
        1,
        platform
            .spark()
            .sql(
                "SELECT * FROM delta.`"
                    + platform.warehouse().root()
                    + "/audit_log` WHERE endpoint = 'uploads.errors' AND parameters LIKE '%"
                    + uploadId
                    + "%' AND rows_returned = "
                    + rows / 50)
            .count());
    shoot("state-upload");
    signOut();
    Files.delete(file);
  }

  @Test
  void aRequestIsAcceptedOnTheStateDeskThenBookedAndManifestedOnTheRailwaysDesk() throws Exception {
    List<String> ids = registerTwoTravellers("WEBR-", "7320000001", "7320000002", "Asha Devi");
    String id = submitRequest(ids);

    signIn("up-state", "up-demo");
    By decision = By.cssSelector(".decision[data-request='" + id + "']");
    waitFor(d -> !d.findElements(decision).isEmpty());
    WebElement form = browser.findElement(decision);
    form.findElement(By.name("quarantine_capacity")).clear();
    form.findElement(By.name("quarantine_capacity")).sendKeys("40");
    form.findElement(By.name("noc_number")).sendKeys("UP/NOC/WEB-1");
    form.findElement(By.cssSelector("button.accept")).click();
    waitFor(d -> d.findElements(decision).isEmpty());
    JsonNode accepted = json(get("/api/v1/movement/requests/" + id, "up-state", "up-demo"));
    assertEquals("ACCEPTED", accepted.get("status").asText());
    assertEquals("UP/NOC/WEB-1", accepted.get("decision").get("noc_number").asText());
    signOut();

    signIn("railways", "railways-demo");
    openDesk("railways");
    By booking = By.cssSelector(".booking[data-request='" + id + "']");
    waitFor(d -> !d.findElements(booking).isEmpty());
    WebElement book = browser.findElement(booking);
    book.findElement(By.name("train_number")).sendKeys("04471");
    book.findElement(By.name("destination_station")).sendKeys("GKP");
    book.findElement(By.cssSelector("button.book")).click();
    By toManifest = By.xpath("//table[@id='to-manifest']//tr[td[1]='" + id + "']//button");
    waitFor(d -> !d.findElements(toManifest).isEmpty());
    browser.findElement(toManifest).click();
    By coaches = By.cssSelector(".show-coaches[data-request='" + id + "']");
    waitFor(d -> !d.findElements(coaches).isEmpty());
    browser.findElement(coaches).click();
    waitFor(d -> !d.findElements(By.cssSelector("#coach-counts tbody tr")).isEmpty());
    long occupied = 0;
    for (WebElement row : browser.findElements(By.cssSelector("#coach-counts tbody tr"))) {
      occupied += number(row.findElements(By.tagName("td")).get(2).getText());
    }
    assertEquals(2, occupied, "both travellers seated");
    assertEquals(
        "MANIFESTED",
        json(get("/api/v1/movement/requests/" + id, "railways", "railways-demo"))
            .get("status")
            .asText());
    // The desks list the work in flight in summary: counts without the person lists.
    int listed = 0;
    for (JsonNode q :
        json(
            get(
                "/api/v1/movement/requests?summary=true&status=TRAIN_BOOKED,manifested",
                "railways",
                "railways-demo"))) {
      assertTrue(q.get("status").asText().matches("TRAIN_BOOKED|MANIFESTED"), q.toString());
      if (q.get("request_id").asText().equals(id)) {
        listed++;
        assertEquals(2, q.get("passenger_count").asInt(), q.toString());
        assertTrue(
            q.path("passengers").isNull() || q.path("passengers").isMissingNode(), q.toString());
        assertTrue(q.get("decision").path("accepted_persons").isMissingNode(), q.toString());
      }
    }
    assertEquals(1, listed);
    assertEquals(
        400,
        get("/api/v1/movement/requests?status=BOARDED", "railways", "railways-demo").statusCode());
    shoot("railways");
    signOut();
  }

  @Test
  void theHealthDeskRefusesALookupWithoutPurposeThenFindsThePersonAndTheirContacts()
      throws Exception {
    List<String> ids = registerTwoTravellers("WEBH-", "7330000001", "7330000002", "Kavita");
    manifestTrain(ids, "04472");
    signIn("health", "health-demo");
    openDesk("health");
    waitFor(d -> !d.findElements(By.id("lookup-key")).isEmpty());
    browser.findElement(By.id("lookup-key")).sendKeys("7330000001");
    browser.findElement(By.id("lookup-go")).click();
    waitFor(d -> !d.findElements(By.id("lookup-error")).isEmpty());
    assertTrue(
        browser.findElement(By.id("lookup-error")).getText().startsWith("NMIS-TRC-014"),
        browser.findElement(By.id("lookup-error")).getText());

    browser.findElement(By.id("lookup-purpose")).sendKeys("CASE-WEB-1");
    browser.findElement(By.id("lookup-go")).click();
    waitFor(d -> !d.findElements(By.id("lookup-count")).isEmpty());
    assertEquals("1 person found", browser.findElement(By.id("lookup-count")).getText());
    browser
        .findElement(By.cssSelector(".person[data-person='" + ids.get(0) + "'] .contacts-go"))
        .click();
    waitFor(d -> !d.findElements(By.cssSelector("#contact-list tbody tr")).isEmpty());
    assertEquals(1, browser.findElements(By.cssSelector("#contact-list tbody tr")).size());
    assertTrue(
        browser.findElement(By.id("contact-list")).getText().contains(ids.get(1)),
        browser.findElement(By.id("contact-list")).getText());

    Path cases = Files.createTempFile("web-index-cases", ".csv");
    Files.writeString(cases, "7330000001\n");
    browser.findElement(By.id("bulk-file")).sendKeys(cases.toAbsolutePath().toString());
    browser.findElement(By.id("bulk-purpose")).sendKeys("CLUSTER-WEB");
    browser.findElement(By.id("bulk-go")).click();
    waitFor(d -> !d.findElements(By.cssSelector("#bulk-districts tbody tr")).isEmpty());
    assertEquals(1, number(browser.findElement(By.id("bulk-exposed")).getText()));
    assertTrue(
        browser.findElement(By.id("bulk-districts")).getText().contains("Gorakhpur"),
        browser.findElement(By.id("bulk-districts")).getText());
    shoot("health");
    signOut();
    Files.delete(cases);
  }

  @Test
  void everyDeskFitsAPhoneWidthScreenLabelsItsControlsAndKeepsTextReadable() throws Exception {
    travellersFromPuneToGorakhpur();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      Map<String, String[]> desks =
          Map.of(
              "national", new String[] {"ministry", "ministry-demo"},
              "state", new String[] {"up-state", "up-demo"},
              "railways", new String[] {"railways", "railways-demo"},
              "health", new String[] {"health", "health-demo"},
              "sql", new String[] {"auditor", "auditor-demo"});
      for (Map.Entry<String, String[]> d : desks.entrySet()) {
        signIn(d.getValue()[0], d.getValue()[1]);
        browser.get(url("/#" + d.getKey()));
        waitFor(
            b -> d.getKey().equals(b.findElement(By.tagName("body")).getDomAttribute("data-desk")));
        waitFor(b -> b.findElements(By.xpath("//main/div/p[starts-with(., 'Loading')]")).isEmpty());
        Object overflow =
            ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(((Number) overflow).longValue() <= 0, d.getKey() + " overflows by " + overflow);
        assertEquals(List.of(), unlabelled(), d.getKey() + ": controls without a label");
        assertEquals(List.of(), lowContrast(), d.getKey() + ": text below the WCAG AA contrast");
        shoot("phone-" + d.getKey());
        signOut();
      }
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
    }
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
    HeadlessChromium.signIn(browser, url(""), user, password);
  }

  /** Form controls a screen reader would announce without a name. */
  @SuppressWarnings("unchecked")
  private List<String> unlabelled() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return [...document.querySelectorAll('input, select, textarea, button')]"
                    + ".filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length)"
                    + " && !e.getAttribute('aria-label') && !e.textContent.trim())"
                    + ".map(e => e.outerHTML.substring(0, 80));");
  }

  /**
   * Text whose colour against its background is below WCAG 2 AA (4.5:1, or 3:1 for large text); the
   * background is the first opaque one up the tree.
   */
  @SuppressWarnings("unchecked")
  private List<String> lowContrast() {
    return (List<String>)
        ((JavascriptExecutor) browser)
            .executeScript(
                "const rgb = c => c.match(/[\\d.]+/g).map(Number);"
                    + "const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255;"
                    + " return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })"
                    + ".reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);"
                    + "const bg = e => { for (; e; e = e.parentElement) {"
                    + " const c = rgb(getComputedStyle(e).backgroundColor);"
                    + " if (c.length < 4 || c[3] > 0.9) return c; } return [255, 255, 255]; };"
                    + "const bad = [];"
                    + "for (const e of document.querySelectorAll('body *')) {"
                    + " if (e.closest('svg') || ![...e.childNodes].some(n => n.nodeType === 3"
                    + " && n.textContent.trim())) continue;"
                    + " const s = getComputedStyle(e); if (s.visibility === 'hidden'"
                    + " || s.display === 'none') continue;"
                    + " const a = lum(rgb(s.color)), b = lum(bg(e));"
                    + " const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);"
                    + " const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize)"
                    + " >= 18.66 && Number(s.fontWeight) >= 700);"
                    + " if (ratio < (large ? 3 : 4.5)) bad.push(e.tagName + ' ' + ratio.toFixed(2)"
                    + " + ' ' + e.textContent.trim().substring(0, 40)); }"
                    + "return bad;");
  }

  /** Clicks the desk's link once the shell has drawn it, and waits for the desk to be shown. */
  private void openDesk(String desk) {
    By link = By.cssSelector("a[data-desk=" + desk + "]");
    waitFor(ExpectedConditions.elementToBeClickable(link));
    browser.findElement(link).click();
    waitFor(d -> desk.equals(d.findElement(By.tagName("body")).getDomAttribute("data-desk")));
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

  private void setDate(String id, String isoDate) {
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
  }

  private static long number(String text) {
    return Long.parseLong(text.replace(",", "").trim());
  }

  private <T> void waitFor(java.util.function.Function<? super WebDriver, T> condition) {
    // A desk redrawn while the condition reads it leaves stale elements: read again.
    HeadlessChromium.waiting(browser, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition);
  }

  /** The whole page (the window grown to its height, at most 2,400 pixels), for docs/. */
  private void shoot(String desk) throws IOException {
    org.openqa.selenium.Dimension before = browser.manage().window().getSize();
    long height =
        ((Number)
                ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollHeight;"))
            .longValue();
    browser
        .manage()
        .window()
        .setSize(
            new org.openqa.selenium.Dimension(
                before.getWidth(),
                (int) Math.max(before.getHeight(), Math.min(2400, height + 90))));
    try {
      Files.write(
          SHOTS.resolve("desk-" + desk + ".png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } finally {
      browser.manage().window().setSize(before);
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
