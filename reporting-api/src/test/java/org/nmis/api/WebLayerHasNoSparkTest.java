package org.nmis.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Spark, Delta and the broker stay behind org.nmis.api.platform; the web layer sees only the pure
 * model; and controllers only parse, authorise, call a service and map the answer: no files,
 * threads or job stores.
 */
class WebLayerHasNoSparkTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.nmis.api");

  @Test
  void onlyThePlatformPackageTouchesSparkOrDelta() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.nmis.api.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.spark..",
            "io.delta..",
            "scala..",
            "org.nmis.warehouse..",
            "org.nmis.ingestion.stream..",
            "org.nmis.ingestion.broker..")
        .check(classes);
  }

  @Test
  void controllersHoldNoPersistenceOrJobStores() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Controller")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.nio.file..", "java.util.concurrent..")
        .because(
            "files, executors and job maps belong in a service of the feature's package or domain module")
        .check(classes);
  }
}
