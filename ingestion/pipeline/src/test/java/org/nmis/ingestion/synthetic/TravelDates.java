package org.nmis.ingestion.synthetic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Travel dates of the 2020 lockdown return season (1 May to 31 August 2020), written the three ways
 * the model accepts. Every date's text is made once here, so a row costs an array read rather than
 * a formatter call.
 */
final class TravelDates {
  static final LocalDate FIRST = LocalDate.of(2020, 5, 1);
  static final LocalDate LAST = LocalDate.of(2020, 8, 31);

  /** The busiest day: Shramik Special trains peaked in the last week of May 2020. */
  private static final LocalDate PEAK = LocalDate.of(2020, 5, 25);

  /** A date as written in a row: which day of the season, in which of the three formats. */
  record Written(int day, int format) {}

  private static final int ISO = 0;
  private static final int DASHES = 1;
  private static final int SLASHES = 2;

  private final String[][] texts;
  private final Map<String, Written> byText = new HashMap<>();
  private final AliasSampler days;
  // Most state portals stored ISO dates; sheets typed by hand used day-first dates.
  private final AliasSampler formats = AliasSampler.of(70, 20, 10);

  TravelDates() {
    int count = (int) ChronoUnit.DAYS.between(FIRST, LAST) + 1;
    int peak = (int) ChronoUnit.DAYS.between(FIRST, PEAK);
    texts = new String[3][count];
    double[] weights = new double[count];
    for (int day = 0; day < count; day++) {
      LocalDate d = FIRST.plusDays(day);
      String dd = twoDigits(d.getDayOfMonth());
      String mm = twoDigits(d.getMonthValue());
      texts[ISO][day] = d.toString();
      texts[DASHES][day] = dd + "-" + mm + "-" + d.getYear();
      texts[SLASHES][day] = dd + "/" + mm + "/" + d.getYear();
      for (int f = 0; f < 3; f++) {
        byText.put(texts[f][day], new Written(day, f));
      }
      // A triangle rising to the peak and falling slowly towards the end of August.
      weights[day] = day <= peak ? day + 1.0 : (double) (count - day) * (peak + 1) / (count - peak);
    }
    days = new AliasSampler(weights);
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  Written draw(SplittableRandom random) {
    return new Written(days.next(random), formats.next(random));
  }

  /**
   * The trip moved by up to ten days, still in the season, written in the same format as before.
   */
  Written rescheduled(SplittableRandom random, Written date) {
    int shift = 1 + random.nextInt(10);
    int day = random.nextBoolean() ? date.day() + shift : date.day() - shift;
    if (day < 0 || day >= texts[ISO].length) {
      day = 2 * date.day() - day;
    }
    return new Written(day, date.format());
  }

  String text(Written date) {
    return texts[date.format()][date.day()];
  }

  /** How a text this class wrote reads back; empty for any other text. */
  Optional<Written> read(String text) {
    return Optional.ofNullable(byText.get(text));
  }
}
