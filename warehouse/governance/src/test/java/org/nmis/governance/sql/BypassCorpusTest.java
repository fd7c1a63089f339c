package org.nmis.governance.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nmis.governance.testing.WarehouseFixtures.MH_STATE;
import static org.nmis.governance.testing.WarehouseFixtures.MINISTRY;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nmis.governance.policy.AccessPolicies;
import org.nmis.governance.testing.BypassCorpus;
import org.nmis.governance.testing.WarehouseFixtures;

/**
 * The bypass corpus without Spark: each attempt is refused with its code or prepared.
 * GovernedSqlOnSparkTest runs the prepared ones on Spark and checks that they leak nothing.
 */
class BypassCorpusTest {
  private static final GovernedSql GOVERNED =
      GovernedSql.create(
          WarehouseFixtures.CATALOG,
          AccessPolicies.standard(),
          TableLocator.inCatalog("spark_catalog", "default"));

  static Stream<BypassCorpus.Attempt> stateCorpus() {
    return BypassCorpus.asMaharashtraState().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stateCorpus")
  void isRefusedWithItsCodeOrPrepared(BypassCorpus.Attempt attempt) {
    String sql = attempt.sql("/data/nmis/warehouse");
    if (attempt.rejectedWith() == null) {
      GOVERNED.prepare(sql, MH_STATE, 100);
      GOVERNED.prepare(sql, MINISTRY, 100);
    } else {
      SqlRejectedException e =
          assertThrows(SqlRejectedException.class, () -> GOVERNED.prepare(sql, MH_STATE, 100));
      assertEquals(attempt.rejectedWith(), e.error(), e.getMessage());
    }
  }
}
