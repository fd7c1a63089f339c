package org.nmis.sms.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SegmentsTest {
  @Test
  void gsmTextFitsOneSegmentUpTo160SeptetsThen153Each() {
    assertEquals(Encoding.GSM_7, Segments.encoding("Train 01901 on 20 May, coach S1 berth 4"));
    assertEquals(1, Segments.count("a".repeat(160)));
    assertEquals(2, Segments.count("a".repeat(161)));
    assertEquals(2, Segments.count("a".repeat(306)));
    assertEquals(3, Segments.count("a".repeat(307)));
  }

  @Test
  void extensionCharactersCostTwoSeptets() {
    assertEquals(Encoding.GSM_7, Segments.encoding("€"));
    assertEquals(160, Segments.units("€".repeat(80)));
    assertEquals(1, Segments.count("€".repeat(80)));
    assertEquals(2, Segments.count("€".repeat(80) + "a"));
  }

  @Test
  void hindiIsUcs2Of70ThenSixtySevenUnits() {
    String hindi = "आपकी ट्रेन";
    assertEquals(Encoding.UCS_2, Segments.encoding(hindi));
    assertEquals(1, Segments.count("क".repeat(70)));
    assertEquals(2, Segments.count("क".repeat(71)));
    assertEquals(2, Segments.count("क".repeat(134)));
    assertEquals(3, Segments.count("क".repeat(135)));
  }

  @Test
  void oneCharacterOutsideTheAlphabetMakesTheWholeMessageUcs2() {
    assertEquals(Encoding.UCS_2, Segments.encoding("Train at 10:00 ₹0 fare"));
    assertEquals(2, Segments.count("a".repeat(70) + "₹"));
  }
}
