package org.nmis.model;

import org.junit.jupiter.api.Test;
import org.nmis.model.testing.PureModule;

/**
 * The model is shared by the Spark jobs, the API and the tools: it must not pull any of their
 * frameworks in.
 */
class ModelIsPureTest {
  private static final PureModule MODULE =
      PureModule.of(
          "org.nmis.model",
          "org.nmis.model.registration.RegistrationValidator",
          "org.nmis.model.json.RegistrationJson");

  @Test
  void noRuntimeNorTestSupport() {
    MODULE.assertPure();
  }
}
