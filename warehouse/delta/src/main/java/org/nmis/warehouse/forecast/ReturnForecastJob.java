package org.nmis.warehouse.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.nmis.forecast.Backtest;
import org.nmis.forecast.Corridor;
import org.nmis.forecast.DailyCounts;
import org.nmis.forecast.DeclaredPlaces;
import org.nmis.forecast.Destination;
import org.nmis.forecast.ForecastPlan;
import org.nmis.forecast.ForecastRow;
import org.nmis.forecast.LeadTimes;
import org.nmis.forecast.QuarantineRow;
import org.nmis.warehouse.tables.ForecastBacktestTable;
import org.nmis.warehouse.tables.ManifestsTable;
import org.nmis.warehouse.tables.MovementRequestsTable;
import org.nmis.warehouse.tables.OdFlowsTable;
import org.nmis.warehouse.tables.QuarantinePlanTable;
import org.nmis.warehouse.tables.RegistrationsTable;
import org.nmis.warehouse.tables.ReturnForecastTable;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * The forecast job: Spark reads the aggregates the forecast needs (travellers per corridor and day
 * from {@code od_flows}, what was registered ahead of the as-of date and how far ahead people
 * register from {@code registrations}, who is already seated from {@code manifests}), the pure
 * {@link ForecastPlan} forecasts, and Spark writes the run into {@code return_forecast}, {@code
 * quarantine_plan} (with the quarantine places declared in {@code movement_requests}) and {@code
 * forecast_backtest}, replacing an earlier run of the same as-of date.
 */
public final class ReturnForecastJob {
  private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
  private static final int MAX_LEAD_DAYS = 60;

  private final SparkSession spark;
  private final WarehouseLocation location;

  public ReturnForecastJob(SparkSession spark, WarehouseLocation location) {
    this.spark = spark;
    this.location = location;
  }

  /** Reads, forecasts, writes; the run as the service serves it. */
  public ForecastPlan.Result run(LocalDate asOf, ForecastPlan.Settings settings, Instant now) {
    ForecastPlan.Result result = ForecastPlan.run(inputs(asOf), settings);
    write(asOf, result, now);
    return result;
  }

  ForecastPlan.Inputs inputs(LocalDate asOf) {
    String flows = table(OdFlowsTable.DEFINITION);
    Map<Corridor, Map<LocalDate, Double>> history =
        byCorridorAndDay(
            "SELECT origin_state_code, destination_state_code, destination_district_code,"
                + " travel_date, sum(persons) FROM "
                + flows
                + " WHERE travel_date <= DATE'"
                + asOf
                + "' GROUP BY 1, 2, 3, 4");
    LocalDate start =
        history.values().stream()
            .flatMap(byDay -> byDay.keySet().stream())
            .min(LocalDate::compareTo)
            .orElse(asOf);
    Map<Corridor, DailyCounts> travellers = new HashMap<>();
    int days = (int) ChronoUnit.DAYS.between(start, asOf) + 1;
    history.forEach(
        (c, byDay) -> {
          double[] v = new double[days];
          byDay.forEach((d, n) -> v[(int) ChronoUnit.DAYS.between(start, d)] = n);
          travellers.put(c, new DailyCounts(start, v));
        });

    // Registered ahead: travel after as_of, first ingested by the end of as_of (IST).
    String registrations = table(RegistrationsTable.DEFINITION);
    String endOfDay = asOf.plusDays(1).atStartOfDay(INDIA).toInstant().toString();
    Map<Corridor, Map<LocalDate, Double>> ahead =
        byCorridorAndDay(
            "SELECT origin_state_code, destination_state_code, destination_district_code,"
                + " travel_date, sum(persons_accompanying + 1) FROM "
                + registrations
                + " WHERE travel_date > DATE'"
                + asOf
                + "' AND created_at < TIMESTAMP'"
                + endOfDay
                + "' GROUP BY 1, 2, 3, 4");

    // How far ahead people registered, over the days already travelled.
    long[] byLead = new long[MAX_LEAD_DAYS + 1];
    for (Row r :
        spark
            .sql(
                "SELECT least(datediff(travel_date, to_date(from_utc_timestamp(created_at,"
                    + " 'Asia/Kolkata'))), "
                    + MAX_LEAD_DAYS
                    + "), sum(persons_accompanying + 1) FROM "
                    + registrations
                    + " WHERE travel_date <= DATE'"
                    + asOf
                    + "' AND to_date(from_utc_timestamp(created_at, 'Asia/Kolkata')) <= travel_date"
                    + " GROUP BY 1")
            .collectAsList()) {
      byLead[r.getInt(0)] += r.getLong(1);
    }

    // Seated on a manifest of a request that is not cancelled.
    Map<Corridor, Map<LocalDate, Double>> booked =
        byCorridorAndDay(
            "SELECT q.origin_state_code, q.destination_state_code, m.destination_district_code,"
                + " m.train_date, count(*) FROM "
                + table(ManifestsTable.DEFINITION)
                + " m JOIN "
                + table(MovementRequestsTable.DEFINITION)
                + " q ON m.request_id = q.request_id WHERE m.seat_status = 'SEATED'"
                + " AND q.status <> 'CANCELLED' AND m.train_date > DATE'"
                + asOf
                + "' GROUP BY 1, 2, 3, 4");
    // A corridor with people registered or seated ahead but nobody travelled yet starts at zero.
    for (Corridor c : ahead.keySet()) {
      travellers.putIfAbsent(c, new DailyCounts(start, new double[days]));
    }
    for (Corridor c : booked.keySet()) {
      travellers.putIfAbsent(c, new DailyCounts(start, new double[days]));
    }
    return new ForecastPlan.Inputs(
        asOf,
        travellers,
        ahead,
        booked,
        LeadTimes.fromCounts(byLead),
        declaredPlaces(registrations));
  }

  /**
   * The quarantine places destination states declared when accepting requests that still stand (not
   * rejected or cancelled), each request's places split over its accepted travellers' destination
   * districts in proportion to the persons going to each.
   */
  private List<DeclaredPlaces> declaredPlaces(String registrations) {
    Map<String, List<Row>> byRequest = new HashMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT q.request_id, q.destination_state_code, r.destination_district_code,"
                    + " q.proposed_date, first(q.quarantine_capacity),"
                    + " sum(r.persons_accompanying + 1) FROM (SELECT request_id,"
                    + " destination_state_code, proposed_date, quarantine_capacity,"
                    + " explode(coalesce(accepted_ids, passenger_ids)) AS person_id FROM "
                    + table(MovementRequestsTable.DEFINITION)
                    + " WHERE quarantine_capacity IS NOT NULL AND status NOT IN ('REJECTED',"
                    + " 'CANCELLED')) q JOIN "
                    + registrations
                    + " r ON r.person_id = q.person_id GROUP BY 1, 2, 3, 4")
            .collectAsList()) {
      byRequest.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
    }
    List<DeclaredPlaces> out = new ArrayList<>();
    for (List<Row> parts : byRequest.values()) {
      double persons = parts.stream().mapToDouble(r -> r.getLong(5)).sum();
      for (Row r : parts) {
        out.add(
            new DeclaredPlaces(
                new Destination(r.getInt(1), r.getInt(2)),
                r.getLocalDate(3),
                r.getInt(4) * r.getLong(5) / persons));
      }
    }
    return out;
  }

  /**
   * Runs a query whose columns are origin state, destination state, destination district, day and a
   * count, and adds each count to its district corridor and to its state corridor.
   */
  private Map<Corridor, Map<LocalDate, Double>> byCorridorAndDay(String sql) {
    Map<Corridor, Map<LocalDate, Double>> out = new HashMap<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      Corridor district = new Corridor(r.getInt(0), r.getInt(1), r.getInt(2));
      LocalDate day = r.getLocalDate(3);
      double count = r.getLong(4);
      for (Corridor c : List.of(district, district.state())) {
        out.computeIfAbsent(c, k -> new TreeMap<>()).merge(day, count, Double::sum);
      }
    }
    return out;
  }

  private void write(LocalDate asOf, ForecastPlan.Result result, Instant now) {
    // The session reads and writes java.time values (SparkSessions: datetime.java8API.enabled).
    Instant at = now;
    LocalDate asOfDate = asOf;
    List<Row> rows = new ArrayList<>(result.rows().size());
    for (ForecastRow f : result.rows()) {
      rows.add(
          RowFactory.create(
              asOfDate,
              f.corridor().originStateCode(),
              f.corridor().destinationStateCode(),
              f.corridor().destinationDistrictCode(),
              f.day().date(),
              f.day().horizon(),
              f.day().expected(),
              f.day().low80(),
              f.day().high80(),
              f.day().low95(),
              f.day().high95(),
              f.day().known(),
              f.booked(),
              f.trainsNeeded(),
              at));
    }
    replace(
        asOf,
        spark.createDataFrame(rows, ReturnForecastTable.SCHEMA),
        ReturnForecastTable.DEFINITION);
    List<Row> plan = new ArrayList<>(result.quarantine().size());
    for (QuarantineRow q : result.quarantine()) {
      plan.add(
          RowFactory.create(
              asOfDate,
              q.destination().stateCode(),
              q.destination().districtCode(),
              q.date(),
              q.horizon(),
              q.expectedArrivals(),
              q.highArrivals(),
              q.expectedInQuarantine(),
              q.highInQuarantine(),
              q.declaredPlaces(),
              q.shortfall(),
              q.overloaded(),
              q.status().name(),
              at));
    }
    replace(
        asOf,
        spark.createDataFrame(plan, QuarantinePlanTable.SCHEMA),
        QuarantinePlanTable.DEFINITION);
    Backtest.Report b = result.backtest();
    List<Row> accuracy = new ArrayList<>();
    for (Backtest.HorizonRow h : b.rows()) {
      accuracy.add(
          RowFactory.create(
              asOfDate,
              h.horizon(),
              h.model().mae(),
              h.model().mape(),
              h.lastWeek().mae(),
              h.lastWeek().mape(),
              h.sameWeekday().mae(),
              h.sameWeekday().mape(),
              h.model().points(),
              h.coverage80(),
              h.coverage95(),
              b.origins(),
              b.series()));
    }
    replace(
        asOf,
        spark.createDataFrame(accuracy, ForecastBacktestTable.SCHEMA),
        ForecastBacktestTable.DEFINITION);
  }

  private void replace(LocalDate asOf, Dataset<Row> rows, TableDefinition table) {
    rows.write()
        .format("delta")
        .mode("overwrite")
        .option("replaceWhere", "as_of = DATE'" + asOf + "'")
        .save(location.pathOf(table));
  }

  private String table(TableDefinition table) {
    return "delta.`" + location.pathOf(table) + "`";
  }
}
