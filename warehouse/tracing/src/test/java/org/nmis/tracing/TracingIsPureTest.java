package org.nmis.tracing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Tracing is a pure library under the web layer: no framework, and features that depend one way.
 */
class TracingIsPureTest {
  private static final JavaClasses TRACING =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.nmis.tracing");

  @Test
  void theMainClassesAreImported() {
    assertTrue(TRACING.contain("org.nmis.tracing.index.TracingIndex"));
    assertTrue(TRACING.contain("org.nmis.tracing.bulk.BulkTrace"));
    assertTrue(TRACING.contain("org.nmis.tracing.limits.RateLimiter"));
    assertTrue(TRACING.size() > 30, "only " + TRACING.size() + " classes imported");
  }

  @Test
  void noFrameworkDependencies() {
    noClasses()
        .that()
        .resideInAPackage("org.nmis.tracing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.spark..",
            "org.springframework..",
            "io.delta..",
            "org.apache.kafka..",
            "scala..",
            "org.apache.hadoop..",
            "jakarta.servlet..",
            "com.fasterxml.jackson..")
        .check(TRACING);
  }

  @Test
  void featuresHaveNoCycles() {
    slices().matching("org.nmis.tracing.(*)..").should().beFreeOfCycles().check(TRACING);
  }

  @Test
  void journeysAndExposureAreDataThatKnowNothingOfTheIndexOrItsUsers() {
    noClasses()
        .that()
        .resideInAnyPackage("org.nmis.tracing.journeys..", "org.nmis.tracing.exposure..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.nmis.tracing.index..",
            "org.nmis.tracing.lookup..",
            "org.nmis.tracing.bulk..",
            "org.nmis.tracing.limits..")
        .check(TRACING);
    noClasses()
        .that()
        .resideInAPackage("org.nmis.tracing.limits..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.nmis.tracing.index..",
            "org.nmis.tracing.lookup..",
            "org.nmis.tracing.bulk..",
            "org.nmis.model..",
            "org.nmis.movement..")
        .check(TRACING);
  }
}
