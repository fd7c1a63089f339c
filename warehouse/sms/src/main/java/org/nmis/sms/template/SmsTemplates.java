package org.nmis.sms.template;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered message texts, English and Hindi, read from {@code org/nmis/sms/templates.tsv}
 * (key, language, version, DLT template ID, text) and checked once at start-up: every placeholder
 * is one a trigger fills, and no text can exceed the segment limit even with every value at its
 * longest. A template over the limit is an error then, not at send time.
 */
public final class SmsTemplates {
  /**
   * What triggers put into messages and the longest value each may carry (a family's names are cut
   * to this length with "and N more").
   */
  public static final Map<String, Integer> PLACEHOLDERS =
      Map.of(
          "names", 40,
          "train", 5,
          "date", 11,
          "station", 24,
          "coach", 4,
          "berth", 5,
          "time", 5,
          "pass", 16,
          "district", 24,
          "until", 11);

  private final List<SmsTemplate> templates;

  private SmsTemplates(List<SmsTemplate> templates) {
    this.templates = List.copyOf(templates);
  }

  /** The bundled texts, checked against {@code maxSegments}. */
  public static SmsTemplates standard(int maxSegments) {
    try (InputStream in = SmsTemplates.class.getResourceAsStream("/org/nmis/sms/templates.tsv")) {
      if (in == null) {
        throw new IllegalStateException("NMIS-SMS-108: templates.tsv is missing from the jar");
      }
      return read(in, maxSegments);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SmsTemplates read(InputStream in, int maxSegments) throws IOException {
    List<SmsTemplate> list = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#") || line.startsWith("key\t")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 5) {
        throw new IllegalArgumentException(
            "NMIS-SMS-109: templates.tsv line " + n + " has " + f.length + " fields, not 5");
      }
      list.add(new SmsTemplate(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4]));
    }
    for (SmsTemplate t : list) {
      int worst = t.worstSegments(PLACEHOLDERS);
      if (worst > maxSegments) {
        throw new IllegalArgumentException(
            "NMIS-SMS-110: template "
                + t.key()
                + "/"
                + t.language()
                + " v"
                + t.version()
                + " can take "
                + worst
                + " segments ("
                + Segments.encoding(t.text())
                + "), over the limit of "
                + maxSegments
                + "; shorten the text or raise nmis.sms.max-segments");
      }
    }
    return new SmsTemplates(list);
  }

  /** The newest version of a text in a language. */
  public Optional<SmsTemplate> find(String key, String language) {
    return templates.stream()
        .filter(t -> t.key().equals(key) && t.language().equals(language))
        .max(Comparator.comparingInt(SmsTemplate::version));
  }

  public List<SmsTemplate> all() {
    return templates;
  }
}
