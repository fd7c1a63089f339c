package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.nmis.reports.PdfChecks;

/**
 * Every PDF over HTTP, as the right role and as a wrong one, on data that went through the real
 * pipeline: a manifest, an NOC, e-pass cards whose QR code verifies, and summaries whose totals are
 * what governed SQL returns.
 */
class ReportsIT extends ApiTestBase {
  private static final String HINDI_NAME = "सुनीता देवी";

  @Test
  void manifestNocAndEPassesPrintForThePeopleWhoMoveTravellersOnly() throws Exception {
    List<String> ids = registerTwoTravellers("MH-PDF-", "9333300001", "9333300002", HINDI_NAME);
    String request = manifestTrain(ids, "01977");

    HttpResponse<byte[]> manifest = pdf(path(request, "manifest.pdf"), "railways", "railways-demo");
    assertEquals(200, manifest.statusCode());
    assertEquals("application/pdf", manifest.headers().firstValue("Content-Type").orElse(""));
    assertTrue(
        manifest.headers().firstValue("Content-Disposition").orElse("").contains("manifest-01977"),
        manifest.headers().map().toString());
    String passId =
        json(get("/api/v1/epasses/" + ids.get(1), "mh-state", "mh-demo"))
            .get(0)
            .get("pass_id")
            .asText();
    try (PDDocument doc = Loader.loadPDF(manifest.body())) {
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains(HINDI_NAME), text);
      assertTrue(text.contains("01977"), text);
      assertTrue(text.contains(ids.get(1)), text);
      assertTrue(text.contains("Page 2 of " + doc.getNumberOfPages()), text);
      List<Integer> glyphs = PdfChecks.glyphsOf(doc, "NotoSansDevanagari");
      assertFalse(glyphs.isEmpty() || glyphs.contains(0), "Devanagari glyphs: " + glyphs);
      assertTrue(PdfChecks.qrCodesOn(doc, 1).contains(passId), "the berth's QR is its pass ID");
    }
    HttpResponse<byte[]> list =
        pdf(path(request, "manifest.pdf") + "?qr=false", "railways", "railways-demo");
    try (PDDocument doc = Loader.loadPDF(list.body())) {
      assertTrue(new PDFTextStripper().getText(doc).contains(HINDI_NAME));
      assertEquals(List.of(), PdfChecks.qrCodesOn(doc, 1), "a list without QR codes");
    }
    // Another state sees nothing of the request.
    assertEquals(404, pdf(path(request, "manifest.pdf"), "br-state", "br-demo").statusCode());

    HttpResponse<byte[]> noc = pdf(path(request, "noc.pdf"), "up-state", "up-demo");
    assertEquals(200, noc.statusCode());
    assertTrue(
        noc.headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .contains("filename=\"noc-UP-NOC-01977.pdf\""),
        noc.headers().map().toString());
    try (PDDocument doc = Loader.loadPDF(noc.body())) {
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("NOC No. UP/NOC/01977"), text);
      assertTrue(text.contains("100 beds"), text);
    }
    assertEquals(404, pdf(path(request, "noc.pdf"), "br-state", "br-demo").statusCode());

    HttpResponse<byte[]> pass =
        pdf("/api/v1/epasses/" + ids.get(1) + ".pdf", "mh-state", "mh-demo");
    assertEquals(200, pass.statusCode());
    try (PDDocument doc = Loader.loadPDF(pass.body())) {
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains(HINDI_NAME), text);
      List<String> scanned = PdfChecks.qrCodesOn(doc, 0);
      assertEquals(1, scanned.size(), "one QR code on the card");
      JsonNode verified =
          json(
              post(
                  "/api/v1/epasses/verify",
                  JSON.writeValueAsString(Map.of("token", scanned.get(0))),
                  null,
                  null));
      assertEquals("VALID", verified.get("status").asText(), verified.toString());
      assertEquals(passId, verified.get("pass_id").asText());
    }
    HttpResponse<byte[]> ministry =
        pdf("/api/v1/epasses/" + ids.get(1) + ".pdf", "ministry", "ministry-demo");
    assertEquals(404, ministry.statusCode(), "the ministry holds no passes");
    assertTrue(new String(ministry.body()).contains("NO_EPASS"));
    assertEquals(400, pdf("/api/v1/epasses/NOT-AN-ID.pdf", "mh-state", "mh-demo").statusCode());
  }

  @Test
  void aStateSummaryAddsUpToWhatGovernedSqlSays() throws Exception {
    registerTwoTravellers("MH-SUM-", "9333300011", "9333300012", "Ravi Das");
    platform.awaitFlowsCaughtUp();
    // The fixture travels on 18 May 2020, with the other test classes' registrations.
    String from = "2020-05-01";
    String to = "2020-05-31";
    long out =
        sqlLong(
            "SELECT sum(registrations) FROM od_flows WHERE origin_state_code = 27 AND travel_date"
                + " BETWEEN DATE '"
                + from
                + "' AND DATE '"
                + to
                + "'");
    assertTrue(out >= 2, "the two registrations reached od_flows: " + out);

    String url = "/api/v1/reports/state-summary.pdf?state=27&from=" + from + "&to=" + to;
    HttpResponse<byte[]> summary = pdf(url, "mh-state", "mh-demo");
    assertEquals(200, summary.statusCode(), new String(summary.body()));
    try (PDDocument doc = Loader.loadPDF(summary.body())) {
      String text = new PDFTextStripper().getText(doc);
      assertEquals(out, figure(text, "Registrations out"), text);
      assertTrue(text.contains("State summary: Maharashtra"), text);
      assertTrue(text.contains("राज्य सारांश"), text);
    }
    assertEquals(403, pdf(url, "up-state", "up-demo").statusCode(), "another state's summary");
    assertEquals(200, pdf(url, "ministry", "ministry-demo").statusCode());
    assertEquals(
        404,
        pdf(
                "/api/v1/reports/state-summary.pdf?state=99&from=" + from + "&to=" + to,
                "ministry",
                "ministry-demo")
            .statusCode());
    HttpResponse<byte[]> backwards =
        pdf(
            "/api/v1/reports/state-summary.pdf?state=27&from=" + to + "&to=" + from,
            "mh-state",
            "mh-demo");
    assertEquals(400, backwards.statusCode());
    assertTrue(new String(backwards.body()).contains("INVALID_DATE_RANGE"));

    String national = "/api/v1/reports/national-summary.pdf?from=" + from + "&to=" + to;
    HttpResponse<byte[]> all = pdf(national, "ministry", "ministry-demo");
    assertEquals(200, all.statusCode());
    try (PDDocument doc = Loader.loadPDF(all.body())) {
      String text = new PDFTextStripper().getText(doc);
      assertEquals(
          sqlLong(
              "SELECT sum(registrations) FROM od_flows WHERE travel_date BETWEEN DATE '"
                  + from
                  + "' AND DATE '"
                  + to
                  + "'"),
          figure(text, "Registrations out"),
          text);
    }
    assertEquals(403, pdf(national, "mh-state", "mh-demo").statusCode());
  }

  /** A headline figure of a summary: the number printed after its label. */
  private static long figure(String text, String label) {
    Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+([0-9,]+)").matcher(text);
    assertTrue(m.find(), label + " in " + text);
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  private long sqlLong(String sql) throws Exception {
    HttpResponse<String> r =
        post(
            "/api/v1/sql",
            JSON.writeValueAsString(Map.of("sql", sql, "format", "json")),
            "ministry",
            "ministry-demo");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode value = json(r).get("rows").get(0).get(0);
    return value.isNull() ? 0 : value.asLong();
  }

  private HttpResponse<byte[]> pdf(String path, String user, String password) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path)).GET(),
        user,
        password,
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
