package org.nmis.tracing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.nmis.model.testing.PureModule;

/**
 * Tracing is a pure library under the web layer: no framework, and features that depend one way.
 */
class TracingIsPureTest {
  private static final PureModule MODULE =
      PureModule.of(
          "org.nmis.tracing",
          "org.nmis.tracing.index.TracingIndex",
          "org.nmis.tracing.bulk.BulkTrace",
          "org.nmis.tracing.limits.RateLimiter");

  @Test
  void noRuntimeNorTestSupport() {
    MODULE.assertPure("com.fasterxml.jackson..");
  }

  @Test
  void featuresHaveNoCycles() {
    slices().matching("org.nmis.tracing.(*)..").should().beFreeOfCycles().check(MODULE.classes());
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
        .check(MODULE.classes());
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
        .check(MODULE.classes());
  }
}
