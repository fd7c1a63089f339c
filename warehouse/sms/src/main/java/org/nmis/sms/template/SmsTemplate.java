package org.nmis.sms.template;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One registered message text: {@code key} names what it says ({@code manifest.issued}), {@code
 * language} is {@code en} or {@code hi}, {@code version} changes when the text does (an outbox row
 * names the version it was made from), and {@code dltTemplateId} is the ID under which the text is
 * registered on the operators' DLT platform (TRAI's rules for bulk SMS in India; a message whose
 * text does not match its registered template is dropped by the operator). {@code text} holds
 * placeholders such as {@code {train}}.
 */
public record SmsTemplate(
    String key, String language, int version, String dltTemplateId, String text) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final Pattern DLT_ID = Pattern.compile("[0-9]{19}");

  public SmsTemplate {
    if (key == null || !key.matches("[a-z]+(\\.[a-z_]+)+")) {
      throw new IllegalArgumentException(
          "NMIS-SMS-101: template key '"
              + key
              + "' is not dotted lower case, e.g. manifest.issued");
    }
    language = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    if (!language.equals("en") && !language.equals("hi")) {
      throw new IllegalArgumentException(
          "NMIS-SMS-102: template " + key + " has language '" + language + "'; use en or hi");
    }
    if (version < 1) {
      throw new IllegalArgumentException(
          "NMIS-SMS-103: template " + key + "/" + language + " needs a version of 1 or more");
    }
    if (dltTemplateId == null || !DLT_ID.matcher(dltTemplateId).matches()) {
      throw new IllegalArgumentException(
          "NMIS-SMS-104: template "
              + key
              + "/"
              + language
              + " has DLT template ID '"
              + dltTemplateId
              + "'; DLT IDs are 19 digits, as the operator's DLT portal issued them");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("NMIS-SMS-105: template " + key + " has no text");
    }
  }

  /** The placeholders of the text, in order of first use. */
  public Set<String> placeholders() {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The text with every placeholder replaced; a missing value is an error, never a blank. */
  public String render(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "NMIS-SMS-106: template " + key + " needs a value for {" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Segments the message takes at worst: every placeholder at its longest, in its script. */
  public int worstSegments(Map<String, Integer> maxLengths) {
    String filler = language.equals("hi") ? "क" : "x";
    Map<String, String> longest = new java.util.HashMap<>();
    for (String p : placeholders()) {
      Integer max = maxLengths.get(p);
      if (max == null) {
        throw new IllegalArgumentException(
            "NMIS-SMS-107: template "
                + key
                + "/"
                + language
                + " uses {"
                + p
                + "}, which no trigger fills; known placeholders: "
                + new java.util.TreeSet<>(maxLengths.keySet()));
      }
      longest.put(p, filler.repeat(max));
    }
    return Segments.count(render(longest));
  }
}
