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
      LeadTimes leadTimes,
      List<DeclaredPlaces> declaredPlaces) {}

  /** How to forecast. */
  public record Settings(
      int days,
      int seatsPerTrain,
      int districtCorridors,
      int backtestOrigins,
      int quarantineDays,
      Smoothing smoothing) {
    public Settings {
      if (days < 1
          || days > 90
          || seatsPerTrain < 1
          || districtCorridors < 0
          || quarantineDays < 1) {
        throw new IllegalArgumentException(
            "NMIS-FCT-108: forecast 1 to 90 days, with at least one seat a train and a quarantine"
                + " of at least one day; got "
                + days
                + " days, "
                + seatsPerTrain
                + " seats, "
                + quarantineDays
                + " quarantine days");
      }
    }
  }

  /**
   * The corridors' forecast, the backtest that calibrated it, and the quarantine plan of every
   * destination district, overloaded districts first.
   */
  public record Result(
      List<ForecastRow> rows, Backtest.Report backtest, List<QuarantineRow> quarantine) {}

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
    return new Result(rows, backtest, quarantine(in, s, forecaster, weekdays, backtest));
  }

  /**
   * Every destination district's arrivals from all origins, forecast like a corridor, against the
   * places declared for it.
   */
  private static List<QuarantineRow> quarantine(
      Inputs in,
      Settings s,
      ReturnForecaster forecaster,
      WeekdayFactors weekdays,
      Backtest.Report backtest) {
    Map<Destination, List<DailyCounts>> parts = new LinkedHashMap<>();
    Map<Destination, Map<LocalDate, Double>> ahead = new LinkedHashMap<>();
    in.travellers()
        .forEach(
            (c, series) -> {
              if (c.destinationDistrictCode() != null) {
                Destination d = destination(c);
                parts.computeIfAbsent(d, k -> new ArrayList<>()).add(series);
                in.registeredAhead()
                    .getOrDefault(c, Map.of())
                    .forEach(
                        (day, n) ->
                            ahead
                                .computeIfAbsent(d, k -> new LinkedHashMap<>())
                                .merge(day, n, Double::sum));
              }
            });
    Map<Destination, DailyCounts> arrivals = new LinkedHashMap<>();
    Map<Destination, List<DayForecast>> forecasts = new LinkedHashMap<>();
    parts.forEach(
        (d, series) -> {
          DailyCounts all = DailyCounts.sum(series);
          arrivals.put(d, all);
          forecasts.put(
              d,
              forecaster.forecast(
                  all,
                  in.asOf(),
                  s.days(),
                  weekdays,
                  backtest.intervals(),
                  ahead.getOrDefault(d, Map.of()),
                  in.leadTimes()));
        });
    return QuarantinePlan.plan(
        arrivals, forecasts, in.declaredPlaces(), in.asOf(), s.quarantineDays());
  }

  private static Destination destination(Corridor c) {
    return new Destination(c.destinationStateCode(), c.destinationDistrictCode());
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
