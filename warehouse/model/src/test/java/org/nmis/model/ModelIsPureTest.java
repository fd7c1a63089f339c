package org.nmis.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The model is shared by the Spark jobs, the API and the tools: it must not pull any of their
 * frameworks in.
 */
class ModelIsPureTest {
  private static final JavaClasses MODEL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.nmis.model");

  @Test
  void theMainClassesAreImported() {
    assertTrue(MODEL.contain("org.nmis.model.registration.RegistrationValidator"));
    assertTrue(MODEL.contain("org.nmis.model.json.RegistrationJson"));
    assertTrue(MODEL.size() > 20, "only " + MODEL.size() + " classes imported");
  }

  @Test
  void noFrameworkDependencies() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("org.nmis.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.apache.spark..",
                "org.springframework..",
                "io.delta..",
                "org.apache.kafka..",
                "scala..",
                "org.apache.hadoop..");
    rule.check(MODEL);
  }

  @Test
  void theTestSupportIsNotUsedByMainCode() {
    noClasses()
        .that()
        .resideInAPackage("org.nmis.model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.nmis.model.testing..")
        .check(MODEL);
  }
}
