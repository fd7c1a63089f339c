package org.nmis.governance.policy;

import org.nmis.governance.catalog.ColumnType;

/**
 * How a column's values are shown to a role. A masked column keeps its name and type, so queries
 * written for one role still run for another. Governed SQL writes the same masks as Spark SQL
 * expressions.
 */
public enum Mask {
  /** The value as stored. */
  CLEAR,

  /** NULL of the column's type: the column is there, its values are not. */
  HIDDEN,

  /**
   * A mobile number reduced to its last four digits, {@code +91XXXXXX3210}: what README and the
   * lookups show to roles that count people rather than call them. Equals {@code
   * MobileNumbers.mask} for normalised numbers.
   */
  MOBILE_LAST4;

  /**
   * What {@link #MOBILE_LAST4} puts before the last four digits; the SQL form writes the same text.
   */
  public static final String MOBILE_PREFIX = "+91XXXXXX";

  /** The value this role sees. */
  public Object apply(Object value) {
    return switch (this) {
      case CLEAR -> value;
      case HIDDEN -> null;
      case MOBILE_LAST4 -> value == null ? null : MOBILE_PREFIX + last4(value.toString());
    };
  }

  /**
   * Whether the mask makes sense for the type; the policy is checked against the catalog at
   * start-up.
   */
  public boolean supports(ColumnType type) {
    return this != MOBILE_LAST4 || type == ColumnType.STRING;
  }

  private static String last4(String s) {
    return s.substring(Math.max(0, s.length() - 4));
  }
}
