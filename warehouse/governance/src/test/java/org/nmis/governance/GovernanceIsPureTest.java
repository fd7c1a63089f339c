package org.nmis.governance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.nmis.model.testing.PureModule;

/**
 * Governance is the one enforcement point of every read path (SQL, REST, exports, PDFs, notebooks),
 * so its main code must stay free of the runtimes that use it: Spark and Delta are test-only here,
 * Spring belongs to the API.
 */
class GovernanceIsPureTest {
  private static final PureModule MODULE =
      PureModule.of(
          "org.nmis.governance",
          "org.nmis.governance.sql.GovernedSql",
          "org.nmis.governance.policy.AccessPolicy",
          "org.nmis.governance.catalog.WarehouseCatalog");

  @Test
  void noRuntimeNorTestSupport() {
    MODULE.assertPure("org.nmis.warehouse..");
  }

  @Test
  void thePolicyAndCatalogDoNotNeedCalcite() {
    noClasses()
        .that()
        .resideInAnyPackage("org.nmis.governance.policy..", "org.nmis.governance.catalog..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.calcite..", "org.nmis.governance.sql..")
        .check(MODULE.classes());
  }
}
