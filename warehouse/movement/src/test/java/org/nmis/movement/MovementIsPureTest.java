package org.nmis.movement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.nmis.model.testing.PureModule;

/** The movement domain is shared by the service and tools: it must not pull any framework in. */
class MovementIsPureTest {
  private static final PureModule MODULE =
      PureModule.of(
          "org.nmis.movement",
          "org.nmis.movement.request.RequestWorkflow",
          "org.nmis.movement.allocation.ManifestAllocator",
          "org.nmis.movement.epass.EPassVerifier",
          "org.nmis.movement.service.MovementService");

  @Test
  void noRuntimeNorTestSupport() {
    MODULE.assertPure();
  }

  @Test
  void theLayoutsKnowNothingOfRequestsAndAllocationNothingOfBookings() {
    noClasses()
        .that()
        .resideInAnyPackage("org.nmis.movement.layout..", "org.nmis.movement.allocation..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.nmis.movement.request..",
            "org.nmis.movement.booking..",
            "org.nmis.movement.epass..")
        .check(MODULE.classes());
    noClasses()
        .that()
        .resideInAPackage("org.nmis.movement.booking..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.nmis.movement.request..", "org.nmis.movement.epass..")
        .check(MODULE.classes());
  }
}
