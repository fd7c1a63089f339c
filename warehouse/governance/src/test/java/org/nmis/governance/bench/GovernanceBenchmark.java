package org.nmis.governance.bench;

import java.util.Arrays;
import java.util.List;
import org.nmis.governance.policy.AccessPolicies;
import org.nmis.governance.sql.GovernedSql;
import org.nmis.governance.sql.TableLocator;
import org.nmis.governance.testing.WarehouseFixtures;
import org.nmis.model.access.AccessScope;

/**
 * Governance overhead per query: {@code prepare()} from the caller's text to Spark SQL text (parse
 * twice, rewrite, validate, unparse), over a mix of typical report queries and callers, after a
 * warm-up. Lives with the tests because it uses the test catalog and is not part of the service.
 * Run:
 *
 * <pre>./mvnw -q -o -pl warehouse/governance exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.nmis.governance.bench.GovernanceBenchmark [-Dexec.args="warm-up measured"]
 * </pre>
 */
public final class GovernanceBenchmark {
  static final List<String> QUERIES =
      List.of(
          "SELECT origin_state_code, count(*) AS registrations, sum(persons_accompanying + 1) AS persons "
              + "FROM registrations GROUP BY origin_state_code ORDER BY registrations DESC",
          "SELECT s.state_name, d.district_name, sum(f.persons) AS persons FROM od_flows f "
              + "JOIN states s ON f.destination_state_code = s.state_code "
              + "JOIN districts d ON f.destination_district_code = d.district_code "
              + "WHERE f.travel_date BETWEEN DATE '2020-05-01' AND DATE '2020-05-31' AND f.mode = 'TRAIN' "
              + "GROUP BY s.state_name, d.district_name ORDER BY persons DESC LIMIT 20",
          "SELECT travel_date, outflow_persons, inflow_persons FROM state_daily WHERE state_code = 27 "
              + "ORDER BY travel_date",
          "WITH arrivals AS (SELECT destination_district_code AS district, count(*) AS n FROM registrations "
              + "WHERE category = 'LABOUR' GROUP BY destination_district_code) "
              + "SELECT d.district_name, a.n FROM arrivals a JOIN districts d ON a.district = d.district_code "
              + "WHERE a.n > 10 ORDER BY a.n DESC",
          "SELECT person_id, name, mobile, travel_date, mode FROM registrations WHERE mobile = '+919876543210'",
          "SELECT mode, count(*) FROM registrations r WHERE EXISTS (SELECT 1 FROM states s "
              + "WHERE s.state_code = r.origin_state_code AND s.kind = 'UT') GROUP BY mode",
          "SELECT 'out' AS direction, sum(persons) AS persons FROM od_flows WHERE origin_state_code = 27 "
              + "UNION ALL SELECT 'in', sum(persons) FROM od_flows WHERE destination_state_code = 27");
  static final List<AccessScope> CALLERS =
      List.of(
          WarehouseFixtures.MINISTRY,
          WarehouseFixtures.MH_STATE,
          WarehouseFixtures.PUNE_DISTRICT,
          WarehouseFixtures.HEALTH);

  private GovernanceBenchmark() {}

  public static void main(String[] args) {
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    System.out.println(run(warmUp, measured));
  }

  /**
   * Runs the mix and describes the latencies: p50, p90, p99 and max of prepare(), in milliseconds.
   */
  static String run(int warmUp, int measured) {
    GovernedSql governed =
        GovernedSql.create(
            WarehouseFixtures.CATALOG,
            AccessPolicies.standard(),
            TableLocator.inCatalog("spark_catalog", "default"));
    for (int i = 0; i < warmUp; i++) {
      prepare(governed, i);
    }
    long[] nanos = new long[measured];
    for (int i = 0; i < measured; i++) {
      long start = System.nanoTime();
      prepare(governed, i);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return String.format(
        "governance prepare(), %d queries x %d callers, %d warm-up, %d measured: "
            + "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms",
        QUERIES.size(),
        CALLERS.size(),
        warmUp,
        measured,
        ms(nanos, 0.50),
        ms(nanos, 0.90),
        ms(nanos, 0.99),
        nanos[nanos.length - 1] / 1e6);
  }

  private static void prepare(GovernedSql governed, int i) {
    governed.prepare(
        QUERIES.get(i % QUERIES.size()), CALLERS.get(i / QUERIES.size() % CALLERS.size()), 10_000);
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
  }
}
