package org.nmis.governance.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.nmis.governance.catalog.ColumnType;
import org.nmis.model.privacy.MobileNumbers;

class MaskTest {
  @Test
  void clearKeepsAndHiddenDrops() {
    LocalDate day = LocalDate.of(2020, 5, 18);
    assertEquals(day, Mask.CLEAR.apply(day));
    assertNull(Mask.HIDDEN.apply("Ram Kumar"));
    assertNull(Mask.HIDDEN.apply(null));
  }

  @Test
  void mobileLast4IsTheLookupMaskForNormalisedNumbers() {
    for (String raw : new String[] {"98765 43210", "+91 70000 00001", "09123456789"}) {
      String normalised = MobileNumbers.normalise(raw).orElseThrow();
      assertEquals(MobileNumbers.mask(normalised), Mask.MOBILE_LAST4.apply(normalised));
    }
    assertEquals("+91XXXXXX3210", Mask.MOBILE_LAST4.apply("+919876543210"));
  }

  @Test
  void mobileLast4NeverShowsMoreThanFourCharacters() {
    assertEquals("+91XXXXXX12", Mask.MOBILE_LAST4.apply("12"));
    assertNull(Mask.MOBILE_LAST4.apply(null));
  }

  @Test
  void mobileLast4AppliesToStringsOnly() {
    assertTrue(Mask.MOBILE_LAST4.supports(ColumnType.STRING));
    assertFalse(Mask.MOBILE_LAST4.supports(ColumnType.LONG));
    assertTrue(Mask.HIDDEN.supports(ColumnType.arrayOf(ColumnType.STRING)));
  }
}
