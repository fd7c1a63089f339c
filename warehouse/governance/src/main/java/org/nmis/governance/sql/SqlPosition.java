package org.nmis.governance.sql;

/** A place in the caller's SQL text; line and column count from 1. */
public record SqlPosition(int line, int column) {
  @Override
  public String toString() {
    return "line " + line + ", column " + column;
  }
}
