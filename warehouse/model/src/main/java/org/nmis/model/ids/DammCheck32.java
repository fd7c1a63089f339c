package org.nmis.model.ids;

/**
 * Damm check character over the 32 symbols of {@link Crockford32}.
 *
 * <p>The quasigroup is x*y = a.x + y in GF(32) with a = 2 (the field's generator, polynomial x^5 +
 * x^2 + 1). It is totally anti-symmetric because a != 1, so one check symbol detects every
 * single-symbol error and every transposition of two adjacent symbols (see docs/DATA_MODEL.md for
 * the proof).
 */
final class DammCheck32 {
  private DammCheck32() {}

  static int timesGenerator(int x) {
    int shifted = x << 1;
    return (shifted & 0x20) != 0 ? (shifted ^ 0x25) & 0x1F : shifted;
  }

  /**
   * Interim value after the given symbols; a code word is valid when the interim over all of it is
   * 0.
   */
  static int interim(int[] symbols) {
    int interim = 0;
    for (int s : symbols) {
      interim = timesGenerator(interim) ^ s;
    }
    return interim;
  }

  static int checkSymbol(int[] symbols) {
    return timesGenerator(interim(symbols));
  }
}
