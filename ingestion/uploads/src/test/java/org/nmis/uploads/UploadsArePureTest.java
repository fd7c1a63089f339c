package org.nmis.uploads;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The web layer and any batch tool read uploads through this module: it must not pull their
 * frameworks in.
 */
class UploadsArePureTest {
  private static final JavaClasses UPLOADS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.nmis.uploads");

  @Test
  void theMainClassesAreImported() {
    assertTrue(UPLOADS.contain("org.nmis.uploads.UploadFile"));
    assertTrue(UPLOADS.contain("org.nmis.uploads.XlsxRows"));
    assertTrue(UPLOADS.size() > 10, "only " + UPLOADS.size() + " classes imported");
  }

  @Test
  void noFrameworkDependencies() {
    noClasses()
        .that()
        .resideInAPackage("org.nmis.uploads..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.spark..",
            "org.springframework..",
            "io.delta..",
            "org.apache.kafka..",
            "scala..",
            "org.apache.hadoop..")
        .check(UPLOADS);
  }
}
