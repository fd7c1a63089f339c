package org.nmis.model.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The wall every pure module keeps (model, governance, movement, tracing, uploads): its main
 * classes depend on no runtime that uses them (Spark, Delta, Hadoop, Scala, Kafka, Spring,
 * servlets), nor on its own test support. Each module's purity test names its root package, a few
 * classes that must be found (so that an empty import cannot pass) and any further packages it must
 * not use.
 */
public final class PureModule {
  private static final String[] RUNTIMES = {
    "org.apache.spark..",
    "io.delta..",
    "org.apache.hadoop..",
    "scala..",
    "org.apache.kafka..",
    "org.springframework..",
    "jakarta.servlet.."
  };

  private final String root;
  private final JavaClasses main;

  private PureModule(String root) {
    this.root = root;
    this.main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(root);
  }

  /**
   * The main classes of the module under {@code root}; fails unless each of {@code expected} is
   * among them.
   */
  public static PureModule of(String root, String... expected) {
    PureModule m = new PureModule(root);
    for (String c : expected) {
      assertTrue(m.main.contain(c), c + " was not imported from " + root);
    }
    return m;
  }

  public JavaClasses classes() {
    return main;
  }

  /** No runtime, no test support, and none of {@code alsoForbidden} (packages, ArchUnit syntax). */
  public void assertPure(String... alsoForbidden) {
    List<String> forbidden = new ArrayList<>(Arrays.asList(RUNTIMES));
    forbidden.addAll(Arrays.asList(alsoForbidden));
    forbidden.add(root + ".testing..");
    noClasses()
        .that()
        .resideInAPackage(root + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden.toArray(String[]::new))
        .check(main);
  }
}
