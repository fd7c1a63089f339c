package org.nmis.movement;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The movement domain is shared by the service and tools: it must not pull any framework in. */
class MovementIsPureTest {
  private static final JavaClasses MOVEMENT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.nmis.movement");

  @Test
  void theMainClassesAreImported() {
    assertTrue(MOVEMENT.contain("org.nmis.movement.request.RequestWorkflow"));
    assertTrue(MOVEMENT.contain("org.nmis.movement.allocation.ManifestAllocator"));
    assertTrue(MOVEMENT.contain("org.nmis.movement.epass.EPassVerifier"));
    assertTrue(MOVEMENT.size() > 40, "only " + MOVEMENT.size() + " classes imported");
  }

  @Test
  void noFrameworkDependencies() {
    noClasses()
        .that()
        .resideInAPackage("org.nmis.movement..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.spark..",
            "org.springframework..",
            "io.delta..",
            "org.apache.kafka..",
            "scala..",
            "org.apache.hadoop..",
            "jakarta.servlet..")
        .check(MOVEMENT);
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
        .check(MOVEMENT);
    noClasses()
        .that()
        .resideInAPackage("org.nmis.movement.booking..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.nmis.movement.request..", "org.nmis.movement.epass..")
        .check(MOVEMENT);
  }
}
