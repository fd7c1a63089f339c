package org.nmis.uploads;

import org.nmis.model.registration.Field;
import org.nmis.model.registration.RegistrationInput;

/**
 * Turns the cells of one data row into a {@link RegistrationInput}. A blank cell counts as absent,
 * as the validator treats it. Text in a column without a header is reported, once per row, as an
 * unknown field named after its column ("column R"), so it is rejected with its line number instead
 * of being dropped.
 */
final class RowBuilder implements CellSink {
  private final Field[] byColumn;
  private final RegistrationInput.Builder input = RegistrationInput.builder();
  private boolean blank = true;
  private int strayColumn = -1;

  RowBuilder(Field[] byColumn) {
    this.byColumn = byColumn;
  }

  @Override
  public void cell(int column, String value) {
    if (value.isBlank()) {
      return;
    }
    blank = false;
    Field field = column < byColumn.length ? byColumn[column] : null;
    if (field != null) {
      input.set(field, value);
    } else if (strayColumn < 0) {
      strayColumn = column;
    }
  }

  boolean isBlank() {
    return blank;
  }

  RegistrationInput build() {
    if (strayColumn >= 0) {
      input.unknownField("column " + Cells.columnName(strayColumn));
    }
    return input.build();
  }
}
