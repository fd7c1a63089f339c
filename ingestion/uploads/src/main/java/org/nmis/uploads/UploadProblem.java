package org.nmis.uploads;

import org.nmis.model.errors.ProblemType;

/**
 * Why a whole file was refused: 400, or 413 for a file too big. The codes are stable: never
 * renumber one, add new ones.
 */
public enum UploadProblem implements ProblemType {
  NOT_A_SPREADSHEET(
      "NMIS-UPL-001", "Save it as an Excel Workbook (.xlsx) or as CSV UTF-8 and upload that."),
  OLD_OR_PROTECTED_EXCEL(
      "NMIS-UPL-002",
      "Open it in Excel, remove any password, and save it as Excel Workbook (.xlsx) or as CSV UTF-8."),
  NOT_UTF8(
      "NMIS-UPL-003",
      "Save it as CSV UTF-8 (in Excel: Save As, then \"CSV UTF-8 (Comma delimited)\")."),
  TOO_BIG("NMIS-UPL-004", "Split the registrations into several files and upload each."),
  EMPTY("NMIS-UPL-005", "Put the header row first and one registration per row under it."),
  HEADER_MISMATCH(
      "NMIS-UPL-006",
      "Name the columns as the standard data model does, in any order and any case: "
          + UploadColumns.describe()
          + "."),
  TOO_MANY_ROWS("NMIS-UPL-007", "Split the registrations into several files and upload each."),
  UNCLOSED_QUOTE(
      "NMIS-UPL-008",
      "Close the quoted cell, or write a quote inside a quoted cell as two quotes (\"\"), and upload again."),
  DAMAGED_WORKBOOK(
      "NMIS-UPL-009",
      "Open it in Excel, save it again as Excel Workbook (.xlsx), and upload that.");

  private final String code;
  private final String fix;

  UploadProblem(String code, String fix) {
    this.code = code;
    this.fix = fix;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public int httpStatus() {
    return this == TOO_BIG ? 413 : 400;
  }

  /** What the uploader should do about it; the end of every message with this code. */
  public String fix() {
    return fix;
  }
}
