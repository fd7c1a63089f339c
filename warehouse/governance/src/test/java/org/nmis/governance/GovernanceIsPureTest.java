package org.nmis.governance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Governance is the one enforcement point of every read path (SQL, REST, exports, PDFs, notebooks),
 * so its main code must stay free of the runtimes that use it: Spark and Delta are test-only here,
 * Spring belongs to the API.
 */
class GovernanceIsPureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.nmis.governance");

  @Test
  void theMainClassesAreImported() {
    assertTrue(MAIN.contain("org.nmis.governance.sql.GovernedSql"));
    assertTrue(MAIN.contain("org.nmis.governance.policy.AccessPolicy"));
    assertTrue(MAIN.contain("org.nmis.governance.catalog.WarehouseCatalog"));
  }

  @Test
  void noSparkSpringOrDelta() {
    noClasses()
        .that()
        .resideInAPackage("org.nmis.governance..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.spark..",
            "org.springframework..",
            "io.delta..",
            "org.apache.hadoop..",
            "scala..",
            "org.apache.kafka..",
            "org.nmis.warehouse..")
        .check(MAIN);
  }

  @Test
  void thePolicyAndCatalogDoNotNeedCalcite() {
    noClasses()
        .that()
        .resideInAnyPackage("org.nmis.governance.policy..", "org.nmis.governance.catalog..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.calcite..", "org.nmis.governance.sql..")
        .check(MAIN);
  }

  @Test
  void theTestSupportIsNotUsedByMainCode() {
    noClasses()
        .that()
        .resideInAPackage("org.nmis.governance..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.nmis.governance.testing..")
        .check(MAIN);
  }
}
