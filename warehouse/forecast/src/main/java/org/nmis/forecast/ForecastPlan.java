package org.nmis.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole forecast run, from the warehouse's aggregates to the rows of {@code return_forecast}: the
 * backtest first (it calibrates the intervals and says how good the forecast is), then every state
 * corridor and, for the {@code districtCorridors} busiest ones, every destination district of them;
 * trains needed are the travellers not yet booked over the seats of a train, rounded to whole
 * trains.
 */
public final class ForecastPlan {
  /** What the warehouse knows at {@code asOf}. */
  public record Inputs(
      LocalDate asOf,
      Map<Corridor, DailyCounts> travellers,
      Map<Corridor, Map<LocalDate, Double>> registeredAhead,
      Map<Corridor, Map<LocalDate, Double>> booked,
      LeadTimes leadTimes) {}

  /** How to forecast. */
  public record Settings(
      int days,
      int seatsPerTrain,
      int districtCorridors,
      int backtestOrigins,
      Smoothing smoothing) {
    public Settings {
      if (days < 1 || days > 90 || seatsPerTrain < 1 || districtCorridors < 0) {
        throw new IllegalArgumentException(
            "NMIS-FCT-108: forecast 1 to 90 days, with at least one seat a train; got "
                + days
                + " days, "
                + seatsPerTrain
                + " seats");
      }
    }
  }

  public record Result(List<ForecastRow> rows, Backtest.Report backtest) {}

  private ForecastPlan() {}

  public static Result run(Inputs in, Settings s) {
    ReturnForecaster forecaster = new ReturnForecaster(s.smoothing());
    Map<Corridor, DailyCounts> states = new LinkedHashMap<>();
    in.travellers()
        .forEach(
            (c, series) -> {
              if (c.destinationDistrictCode() == null) {
                states.put(c, series);
              }
            });
    LocalDate start =
        states.values().stream()
            .map(DailyCounts::start)
            .min(Comparator.naturalOrder())
            .orElse(in.asOf());
    Backtest.Report backtest =
        new Backtest(forecaster, s.days(), 6)
            .run(states.values(), start, in.asOf(), s.backtestOrigins());
    WeekdayFactors weekdays = WeekdayFactors.pooled(states.values(), in.asOf(), 6);
    List<Corridor> busiest =
        states.keySet().stream()
            .sorted(
                Comparator.comparingDouble((Corridor c) -> -recent(states.get(c), in.asOf()))
                    .thenComparing(Corridor::toString))
            .limit(s.districtCorridors())
            .toList();
    List<ForecastRow> rows = new ArrayList<>();
    for (Map.Entry<Corridor, DailyCounts> e : in.travellers().entrySet()) {
      Corridor c = e.getKey();
      if (c.destinationDistrictCode() != null && !busiest.contains(c.state())) {
        continue;
      }
      Map<LocalDate, Double> booked = in.booked().getOrDefault(c, Map.of());
      for (DayForecast d :
          forecaster.forecast(
              e.getValue(),
              in.asOf(),
              s.days(),
              weekdays,
              backtest.intervals(),
              in.registeredAhead().getOrDefault(c, Map.of()),
              in.leadTimes())) {
        double onTrains = booked.getOrDefault(d.date(), 0.0);
        // Whole trains, rounded: a part-train of people is carried with the next day's or by bus,
        // so 0.3 of a train is no train and 1.6 trains are two.
        int trains = (int) Math.round(Math.max(0, d.expected() - onTrains) / s.seatsPerTrain());
        rows.add(new ForecastRow(c, d, onTrains, trains));
      }
    }
    return new Result(rows, backtest);
  }

  /** Travellers of the last four weeks: what "busiest" means. */
  private static double recent(DailyCounts s, LocalDate asOf) {
    double sum = 0;
    for (int i = 0; i < 28; i++) {
      sum += s.at(asOf.minusDays(i));
    }
    return sum;
  }
}
