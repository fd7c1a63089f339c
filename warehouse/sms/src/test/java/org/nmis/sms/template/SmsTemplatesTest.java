package org.nmis.sms.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsTemplatesTest {
  private static final Map<String, String> VALUES =
      Map.of(
          "names", "Ram Kumar and 2 more",
          "train", "01901",
          "date", "20 May",
          "station", "Pune Jn (PUNE)",
          "coach", "S4",
          "berth", "17",
          "time", "14:30",
          "pass", "HKRf_8RfivwVio_Q");

  @Test
  void everyBundledTextFitsFourSegmentsAtItsLongest() {
    SmsTemplates templates = SmsTemplates.standard(4);
    assertEquals(8, templates.all().size());
    for (SmsTemplate t : templates.all()) {
      assertTrue(t.worstSegments(SmsTemplates.PLACEHOLDERS) <= 4, t.key() + "/" + t.language());
    }
  }

  @Test
  void englishIsGsmAndHindiIsUcs2() {
    SmsTemplates templates = SmsTemplates.standard(4);
    String en = templates.find("manifest.issued", "en").orElseThrow().render(VALUES);
    String hi = templates.find("manifest.issued", "hi").orElseThrow().render(VALUES);
    assertEquals(Encoding.GSM_7, Segments.encoding(en));
    assertEquals(1, Segments.count(en), en);
    assertEquals(Encoding.UCS_2, Segments.encoding(hi));
    // 135 to 201 UTF-16 units: three segments of 67.
    assertTrue(hi.length() > 134 && hi.length() <= 201, hi.length() + " units: " + hi);
    assertEquals(3, Segments.count(hi), hi);
  }

  @Test
  void aTextOverTheLimitFailsAtStartUpNamingIt() {
    String tsv =
        "manifest.issued\ten\t1\t1107160000000000011\tNMIS: {names} " + "x".repeat(150) + "\n";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SmsTemplates.read(
                    new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)), 1));
    assertTrue(
        e.getMessage().startsWith("NMIS-SMS-110: template manifest.issued/en v1"), e.getMessage());
  }

  @Test
  void aPlaceholderNoTriggerFillsIsRefused() {
    SmsTemplate t = new SmsTemplate("manifest.issued", "en", 1, "1107160000000000011", "{nmae}");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> t.worstSegments(SmsTemplates.PLACEHOLDERS));
    assertTrue(e.getMessage().contains("{nmae}"), e.getMessage());
  }

  @Test
  void aMissingValueIsAnErrorNotABlank() {
    SmsTemplate t =
        new SmsTemplate("manifest.issued", "en", 1, "1107160000000000011", "Train {train}");
    assertThrows(IllegalArgumentException.class, () -> t.render(Map.of()));
    assertEquals("Train 01901", t.render(Map.of("train", "01901")));
  }
}
