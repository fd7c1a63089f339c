package org.nmis.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A state or national summary for a date range: headline figures, then tables of counts (each with
 * its total), and a daily chart of departures and arrivals.
 *
 * @param title the heading, for example {@code State summary: Bihar}
 * @param hindiTitle the same heading in Hindi, printed under it
 * @param generatedBy who asked for the report; printed in the footer of every page
 */
public record SummaryReport(
    String title,
    String hindiTitle,
    LocalDate from,
    LocalDate to,
    Instant generatedAt,
    String generatedBy,
    List<Count> headline,
    List<Section> sections,
    List<Day> daily) {

  public SummaryReport {
    Checks.text(title, "title");
    Checks.text(generatedBy, "generatedBy");
    if (from == null || to == null || from.isAfter(to)) {
      throw new IllegalArgumentException(
          "a summary covers from <= to; got from " + from + " to " + to);
    }
    if (generatedAt == null) {
      throw new IllegalArgumentException("a summary needs the time it was generated");
    }
    hindiTitle = hindiTitle == null ? "" : hindiTitle;
    headline = List.copyOf(headline);
    sections = List.copyOf(sections);
    daily = List.copyOf(daily);
  }

  /**
   * One table: {@code labelHeading} heads the label column ("District", "Corridor"); {@code empty}
   * is printed when there are no rows, so a reader knows the table was not forgotten.
   */
  public record Section(String title, String labelHeading, List<Count> rows, String empty) {
    public Section {
      Checks.text(title, "section title");
      Checks.text(labelHeading, "label heading of " + title);
      rows = List.copyOf(rows);
      empty = empty == null ? "None in this period." : empty;
    }

    public long total() {
      return rows.stream().mapToLong(Count::value).sum();
    }
  }

  /** Registrations travelling out of and into the scope on one day. */
  public record Day(LocalDate day, long departures, long arrivals) {
    public Day {
      if (day == null || departures < 0 || arrivals < 0) {
        throw new IllegalArgumentException(
            "a day of the chart needs a date and non-negative counts: " + day);
      }
    }
  }
}
