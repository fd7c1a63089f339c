package org.nmis.forecast.check;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nmis.forecast.Smoothing;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.reference.ReportedFigure;
import org.nmis.model.reference.StateFlow;

/**
 * The forecast against what happened in 2020 (docs/FORECAST.md, "Against the 2020 record"): from
 * the totals known on 27 May 2020, the same smoothing the service uses projects the cumulative
 * trains and passengers to 2 June and 31 August; and the destination shares the Census 2011
 * migration matrix implies (people return to their state of last residence) are set against the
 * returns by state reported on 14 September 2020.
 */
public final class Check2020 {
  /** The first Shramik Special ran on 1 May 2020: the totals start from 0 that day. */
  public static final LocalDate FIRST_TRAIN = LocalDate.of(2020, 5, 1);

  public static final LocalDate KNOWN_BY = LocalDate.of(2020, 5, 27);

  /** A projected total beside the reported one. */
  public record Total(String metric, LocalDate date, double forecast, double reported) {
    public double errorPercent() {
      return 100 * (forecast - reported) / reported;
    }
  }

  /** A state's share of the returns: implied by the Census matrix, and reported. */
  public record Share(int stateCode, String state, double implied, double reported) {}

  public record Result(List<Total> totals, List<Share> shares, double shareMaePoints) {}

  private Check2020() {}

  public static Result run(ReferenceData reference, Smoothing smoothing) {
    List<ReportedFigure> figures = reference.reported2020();
    Map<LocalDate, Double> trains = series(figures, "trains_total");
    Map<LocalDate, Double> passengers = series(figures, "passengers_total");
    List<Total> totals = new ArrayList<>();
    double passengersPerTrain = passengers.get(KNOWN_BY) / trains.get(KNOWN_BY);
    for (LocalDate target : List.of(LocalDate.of(2020, 6, 2), LocalDate.of(2020, 8, 31))) {
      double t = project(trains, target, smoothing);
      totals.add(new Total("trains", target, t, trains.get(target)));
      totals.add(new Total("passengers", target, t * passengersPerTrain, passengers.get(target)));
    }
    return shares(reference, figures, totals);
  }

  /**
   * The cumulative total on {@code target} from the snapshots known by {@link #KNOWN_BY}: daily
   * increments interpolated between snapshots (from 0 on the first train's day), smoothed, and
   * carried forward.
   */
  static double project(Map<LocalDate, Double> cumulative, LocalDate target, Smoothing smoothing) {
    TreeMap<LocalDate, Double> known = new TreeMap<>();
    known.put(FIRST_TRAIN, 0.0);
    cumulative.forEach(
        (d, v) -> {
          if (!d.isAfter(KNOWN_BY)) {
            known.put(d, v);
          }
        });
    int days = (int) ChronoUnit.DAYS.between(FIRST_TRAIN, known.lastKey());
    double[] increments = new double[days];
    LocalDate previous = null;
    for (Map.Entry<LocalDate, Double> e : known.entrySet()) {
      if (previous != null) {
        int from = (int) ChronoUnit.DAYS.between(FIRST_TRAIN, previous);
        int to = (int) ChronoUnit.DAYS.between(FIRST_TRAIN, e.getKey());
        double perDay = (e.getValue() - known.get(previous)) / (to - from);
        for (int i = from; i < to; i++) {
          increments[i] = perDay;
        }
      }
      previous = e.getKey();
    }
    Smoothing.State state = smoothing.fit(increments);
    double total = known.lastEntry().getValue();
    int ahead = (int) ChronoUnit.DAYS.between(known.lastKey(), target);
    for (int h = 1; h <= ahead; h++) {
      total += state.ahead(h, smoothing.phi());
    }
    return total;
  }

  private static Result shares(
      ReferenceData reference, List<ReportedFigure> figures, List<Total> totals) {
    Map<Integer, Double> reported = new TreeMap<>();
    for (ReportedFigure f : figures) {
      if (f.metric().equals("migrant_workers_returned_home") && f.stateCode() != null) {
        reported.merge(f.stateCode(), f.value(), Double::sum);
      }
    }
    Map<Integer, Double> implied = new TreeMap<>();
    for (StateFlow flow : reference.census2011StateFlows()) {
      if (reported.containsKey(flow.originStateCode())) {
        implied.merge(flow.originStateCode(), (double) flow.migrants(), Double::sum);
      }
    }
    double reportedSum = reported.values().stream().mapToDouble(Double::doubleValue).sum();
    double impliedSum = implied.values().stream().mapToDouble(Double::doubleValue).sum();
    List<Share> shares = new ArrayList<>();
    double error = 0;
    for (Map.Entry<Integer, Double> e : reported.entrySet()) {
      double i = implied.getOrDefault(e.getKey(), 0.0) / impliedSum;
      double r = e.getValue() / reportedSum;
      error += Math.abs(i - r);
      shares.add(
          new Share(
              e.getKey(),
              reference.state(e.getKey()).map(s -> s.name()).orElse(String.valueOf(e.getKey())),
              i,
              r));
    }
    shares.sort(Comparator.comparingDouble(Share::reported).reversed());
    return new Result(totals, shares, 100 * error / Math.max(1, shares.size()));
  }

  private static Map<LocalDate, Double> series(List<ReportedFigure> figures, String metric) {
    Map<LocalDate, Double> out = new LinkedHashMap<>();
    for (ReportedFigure f : figures) {
      if (f.metric().equals(metric) && f.stateCode() == null) {
        out.put(f.asOf(), f.value());
      }
    }
    return out;
  }

  /** Prints the comparison as Markdown (for docs/FORECAST.md). */
  public static void main(String[] args) {
    Result r = run(ReferenceData.get(), Smoothing.DEFAULT);
    System.out.println("| Total | Date | Forecast from 27 May | Reported | Error |");
    System.out.println("|---|---|---|---|---|");
    for (Total t : r.totals()) {
      System.out.printf(
          "| %s | %s | %,.0f | %,.0f | %+.0f%% |%n",
          t.metric(), t.date(), t.forecast(), t.reported(), t.errorPercent());
    }
    System.out.println();
    System.out.println("| State | Census 2011 implied share | Reported share (14 Sep 2020) |");
    System.out.println("|---|---|---|");
    for (Share s : r.shares()) {
      System.out.printf(
          "| %s | %.1f%% | %.1f%% |%n", s.state(), 100 * s.implied(), 100 * s.reported());
    }
    System.out.printf("%nMean absolute share error: %.1f points%n", r.shareMaePoints());
  }
}
