package org.nmis.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportsTest {
  private static final Reports REPORTS = new Reports();

  @Test
  void summaryHasItsTotalsAndTables() throws IOException {
    byte[] pdf = REPORTS.summary(Fixtures.summary());
    save("summary", pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertEquals(1, doc.getNumberOfPages(), text);
      assertTrue(text.contains("98,765"), text);
      assertTrue(text.contains("No rejected rows."), text);
      assertTrue(text.contains("दैनिक प्रस्थान और आगमन"), text);
    }
  }

  @Test
  void manifestOf1700PassengersHasACoverAndOneSectionPerCoach() throws IOException {
    long t0 = System.nanoTime();
    byte[] pdf = REPORTS.manifest(Fixtures.manifest(1_700));
    System.out.printf(
        "manifest of 1,700: %d ms, %d KB%n",
        (System.nanoTime() - t0) / 1_000_000, pdf.length / 1024);
    save("manifest", pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper strip = new PDFTextStripper();
      String text = strip.getText(doc);
      int pages = doc.getNumberOfPages();
      assertTrue(text.contains("Page 2 of " + pages), text.substring(0, 500));
      assertTrue(text.contains("Coach S24"), "the last coach has its section");
      assertTrue(text.contains("P-101699"), "the last passenger is printed");
      List<String> scanned = PdfChecks.qrCodesOn(doc, 1);
      assertTrue(scanned.contains("EP-500000"), "berth 1's QR code scans: " + scanned);
    }
  }

  @Test
  void nocLetterNamesTheAcceptedPersonsAndCapacity() throws IOException {
    byte[] pdf = REPORTS.noc(Fixtures.noc());
    save("noc", pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertEquals(1, doc.getNumberOfPages());
      // JasperReports drops a text that does not fit its box: Devanagari needs taller lines.
      assertTrue(text.contains("अनापत्ति प्रमाण पत्र"), text);
      assertTrue(text.contains("NOC No. NOC-BR-0001"), text);
      assertTrue(text.contains("2,000 beds"), text);
      assertTrue(text.contains("1,360"), text);
      assertTrue(text.contains("movement of the 1,700 persons (900 registrations"), text);
    }
  }

  @Test
  void ePassCardCarriesTheSignedTokenAsAQrCodeAndTheNameInItsScript() throws IOException {
    byte[] pdf =
        REPORTS.epasses(List.of(Fixtures.epass(Fixtures.HINDI_NAME), Fixtures.epass("Ravi Das")));
    save("epass", pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertEquals(2, doc.getNumberOfPages(), "one A6 card per pass");
      assertEquals(List.of(Fixtures.TOKEN), PdfChecks.qrCodesOn(doc, 0));
      List<Integer> devanagari = PdfChecks.glyphsOf(doc, "NotoSansDevanagari");
      assertFalse(devanagari.isEmpty(), "the Hindi name is drawn with Noto Sans Devanagari");
      assertFalse(devanagari.contains(0), "no Devanagari character fell back to the empty box");
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains(Fixtures.HINDI_NAME), text);
      for (String label : List.of("ट्रेन", "तिथि", "कोच", "बर्थ", "ई-पास")) {
        assertTrue(text.contains(label), label + " is printed: " + text);
      }
      assertFalse(text.contains("REVOKED"), "a pass in force says nothing of revocation");
    }
    byte[] revoked =
        REPORTS.epasses(List.of(Fixtures.epass("Ravi Das", "request cancelled by the origin")));
    try (PDDocument doc = Loader.loadPDF(revoked)) {
      String text = new PDFTextStripper().getText(doc);
      assertTrue(text.contains("REVOKED, NOT VALID: request cancelled by the origin"), text);
    }
  }

  @Test
  void printableTextIsLatinOrDevanagari() {
    assertTrue(Reports.printable("Ram Kumar +1, 20 May (₹ 500)"));
    assertTrue(Reports.printable("झारखंड / छत्तीसगढ़"));
    assertFalse(Reports.printable("ত্রিপুরা"), "Bengali has no font in the extension");
  }

  static void save(String name, byte[] pdf) throws IOException {
    Path dir = Path.of("target", "reports");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".pdf"), pdf);
  }
}
