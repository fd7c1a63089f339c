package org.nmis.uploads;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the text of spreadsheet XML elements, keeping at most max characters of it. */
final class XmlText {
  private XmlText() {}

  /**
   * The text of a simple element such as {@code <v>}; call it on its start tag, returns on its end
   * tag.
   */
  static String plain(XMLStreamReader xml, int max) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (xml.next() != XMLStreamConstants.END_ELEMENT) {
      if (isText(xml)) {
        append(text, xml, max);
      } else if (xml.isStartElement()) {
        skip(xml);
      }
    }
    return Cells.bounded(text.toString(), max);
  }

  /**
   * The text of a rich string ({@code <si>} or {@code <is>}): its {@code <t>} runs, without
   * phonetic guides ({@code <rPh>}, the reading Excel keeps for Japanese text). Call it on the
   * start tag.
   */
  static String rich(XMLStreamReader xml, int max) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    int depth = 1;
    boolean inT = false;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        if ("rPh".equals(xml.getLocalName())) {
          skip(xml);
        } else {
          depth++;
          inT = "t".equals(xml.getLocalName());
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
        inT = false;
      } else if (inT && isText(xml)) {
        append(text, xml, max);
      }
    }
    return Cells.bounded(text.toString(), max);
  }

  /** Skips the element whose start tag the reader is on, up to and including its end tag. */
  static void skip(XMLStreamReader xml) throws XMLStreamException {
    for (int depth = 1; depth > 0; ) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static boolean isText(XMLStreamReader xml) {
    int event = xml.getEventType();
    return event == XMLStreamConstants.CHARACTERS
        || event == XMLStreamConstants.CDATA
        || event == XMLStreamConstants.SPACE;
  }

  /** Keeps one character past max, so that {@link Cells#bounded} sees the text was longer. */
  private static void append(StringBuilder text, XMLStreamReader xml, int max) {
    int room = max + 1 - text.length();
    if (room > 0) {
      text.append(xml.getTextCharacters(), xml.getTextStart(), Math.min(room, xml.getTextLength()));
    }
  }
}
