package org.nmis.tracing.lookup;

import java.util.List;
import org.nmis.model.registration.StoredRegistration;

/**
 * Who is registered with a mobile number. The service passes {@code registrationIndex::byMobile}:
 * the index of registrations already keeps this map, and a second copy would cost some 100 MB at a
 * million persons.
 */
@FunctionalInterface
public interface MobileDirectory {
  /**
   * Everyone registered with this normalised number (+91XXXXXXXXXX); families often share one
   * phone.
   */
  List<StoredRegistration> byMobile(String normalisedMobile);
}
