package org.nmis.governance.policy;

import java.util.Locale;
import java.util.Map;

/**
 * What one role may read of one table: the rows ({@code rows}) and a mask per column. Columns the
 * rule does not name get {@code otherColumns}, so a personal-data table can hide any column added
 * later until someone decides.
 */
public record TableRule(RowFilter rows, Map<String, Mask> masks, Mask otherColumns) {
  public TableRule {
    if (rows == null || otherColumns == null) {
      throw new IllegalArgumentException(
          "NMIS-POL-001: a table rule needs a row filter and a default mask");
    }
    masks = Map.copyOf(masks);
  }

  public Mask maskOf(String column) {
    return masks.getOrDefault(column.toLowerCase(Locale.ROOT), otherColumns);
  }
}
