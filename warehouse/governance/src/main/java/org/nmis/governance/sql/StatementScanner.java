package org.nmis.governance.sql;

import java.util.Locale;

/**
 * A minimal lexer over the caller's text, used only to explain a parse failure better (several
 * statements, a statement that is not a query). It never decides what runs: only Calcite's parse
 * tree does.
 */
final class StatementScanner {
  private final String sql;
  private int i;

  private StatementScanner(String sql) {
    this.sql = sql;
  }

  /** Whether text other than blanks and comments follows a top-level semicolon. */
  static boolean hasSeveralStatements(String sql) {
    StatementScanner s = new StatementScanner(sql);
    boolean semicolon = false;
    while (s.skipBlanksAndComments()) {
      char c = sql.charAt(s.i);
      if (semicolon && c != ';') {
        return true;
      }
      if (c == ';') {
        semicolon = true;
        s.i++;
      } else {
        s.skipToken();
      }
    }
    return false;
  }

  /**
   * The first word of the statement in upper case (ignoring blanks, comments and opening brackets),
   * or "".
   */
  static String firstWord(String sql) {
    StatementScanner s = new StatementScanner(sql);
    while (s.skipBlanksAndComments() && sql.charAt(s.i) == '(') {
      s.i++;
    }
    int start = s.i;
    while (s.i < sql.length() && Character.isLetter(sql.charAt(s.i))) {
      s.i++;
    }
    return sql.substring(start, s.i).toUpperCase(Locale.ROOT);
  }

  /** Moves past blanks and comments; false at the end of the text. */
  private boolean skipBlanksAndComments() {
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else {
        return true;
      }
    }
    return false;
  }

  /**
   * Moves past one quoted string or identifier (with backslash escapes, as Spark reads them), or
   * one character.
   */
  private void skipToken() {
    char quote = sql.charAt(i++);
    if (quote != '\'' && quote != '"' && quote != '`') {
      return;
    }
    while (i < sql.length()) {
      char c = sql.charAt(i++);
      if (c == '\\' && quote != '`') {
        i++;
      } else if (c == quote) {
        return;
      }
    }
  }
}
