package org.nmis.uploads;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nmis.model.registration.Field;

/**
 * The header row: which field each column holds. Names match trimmed and in any case. Blank header
 * cells are allowed (a text cell under one is reported per row). Everything wrong with a header is
 * reported at once, so the uploader fixes it in one go.
 */
final class Header {
  /** Unknown names quoted in a message; more are counted, not listed. */
  private static final int MAX_LISTED = 20;

  private final long line;
  private final Field[] byColumn;
  private final List<Field> columns;

  private Header(long line, Field[] byColumn, List<Field> columns) {
    this.line = line;
    this.byColumn = byColumn;
    this.columns = List.copyOf(columns);
  }

  static Header of(HeaderCells cells, long line) {
    Map<Field, Integer> columnOf = new EnumMap<>(Field.class);
    List<String> unknown = new ArrayList<>();
    List<String> reserved = new ArrayList<>();
    List<String> repeated = new ArrayList<>();
    for (HeaderCells.Named cell : cells.named()) {
      Optional<Field> field = Field.byKey(cell.name().toLowerCase(Locale.ROOT));
      if (field.isEmpty()) {
        unknown.add(cell.name());
      } else if (!Field.SUBMITTED.contains(field.get())) {
        reserved.add(field.get().key());
      } else if (columnOf.containsKey(field.get())) {
        repeated.add(
            field.get().key()
                + " (columns "
                + Cells.columnName(columnOf.get(field.get()))
                + " and "
                + Cells.columnName(cell.column())
                + ")");
      } else {
        columnOf.put(field.get(), cell.column());
      }
    }
    List<Field> missing =
        UploadColumns.REQUIRED.stream().filter(f -> !columnOf.containsKey(f)).toList();

    List<String> problems = new ArrayList<>();
    if (cells.beyondLimit() > 0) {
      problems.add("it has more than " + cells.maxColumns() + " named columns");
    }
    if (!missing.isEmpty()) {
      problems.add("required columns missing: " + UploadColumns.keys(missing));
    }
    if (!unknown.isEmpty()) {
      problems.add(
          "columns not in the standard data model: " + listed(unknown) + separatorHint(cells));
    }
    if (!reserved.isEmpty()) {
      problems.add(
          "columns the warehouse sets itself, to remove: "
              + String.join(", ", reserved)
              + " (the uploading state comes from your login; an Aadhaar number goes in the aadhaar column)");
    }
    if (!repeated.isEmpty()) {
      problems.add("columns named twice: " + String.join(", ", repeated));
    }
    if (!problems.isEmpty()) {
      throw new UploadRejectedException(
          UploadProblem.HEADER_MISMATCH,
          "the header row (line "
              + line
              + ") does not match the standard columns: "
              + String.join("; ", problems));
    }

    int width = columnOf.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    Field[] byColumn = new Field[width];
    columnOf.forEach((field, column) -> byColumn[column] = field);
    List<Field> inFileOrder = new ArrayList<>();
    for (Field f : byColumn) {
      if (f != null) {
        inFileOrder.add(f);
      }
    }
    return new Header(line, byColumn, inFileOrder);
  }

  long line() {
    return line;
  }

  /** The fields of the file's columns, in file order. */
  List<Field> columns() {
    return columns;
  }

  RowBuilder newRow() {
    return new RowBuilder(byColumn);
  }

  private static String listed(List<String> names) {
    String shown = String.join(", ", names.subList(0, Math.min(names.size(), MAX_LISTED)));
    return names.size() > MAX_LISTED
        ? shown + " and " + (names.size() - MAX_LISTED) + " more"
        : shown;
  }

  /** A CSV saved with semicolons or tabs reads as one long column name. */
  private static String separatorHint(HeaderCells cells) {
    if (cells.named().size() != 1) {
      return "";
    }
    String name = cells.named().get(0).name();
    if (name.contains(";")) {
      return " (the columns look separated by ';': save the file with commas)";
    }
    return name.contains("\t")
        ? " (the columns look separated by tabs: save the file with commas)"
        : "";
  }
}
