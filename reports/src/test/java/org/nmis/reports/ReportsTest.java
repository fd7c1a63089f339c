package org.nmis.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    }
  }

  static void save(String name, byte[] pdf) throws IOException {
    Path dir = Path.of("target", "reports");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".pdf"), pdf);
  }
}
