package org.nmis.tracing.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.tracing.lookup.MobileDirectory;

/** The service's mobile map as a map a test fills. */
public final class FakeMobileDirectory implements MobileDirectory {
  private final Map<String, List<StoredRegistration>> byMobile = new HashMap<>();

  public FakeMobileDirectory add(StoredRegistration row) {
    byMobile.computeIfAbsent(row.registration().mobile(), k -> new ArrayList<>()).add(row);
    return this;
  }

  @Override
  public List<StoredRegistration> byMobile(String normalisedMobile) {
    return byMobile.getOrDefault(normalisedMobile, List.of());
  }
}
