package org.nmis.uploads;

import org.junit.jupiter.api.Test;
import org.nmis.model.testing.PureModule;

/**
 * The web layer and any batch tool read uploads through this module: it must not pull their
 * frameworks in.
 */
class UploadsArePureTest {
  private static final PureModule MODULE =
      PureModule.of("org.nmis.uploads", "org.nmis.uploads.UploadFile", "org.nmis.uploads.XlsxRows");

  @Test
  void noRuntimeNorTestSupport() {
    MODULE.assertPure();
  }
}
