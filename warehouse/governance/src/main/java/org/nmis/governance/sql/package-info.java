/**
 * Governed SQL: parses a caller's Spark SQL with Calcite, accepts one query only, validates it
 * against the catalog the caller's role may read, and rewrites every table reference into a view
 * that applies the access policy. The web layer runs the resulting Spark SQL text; it never runs
 * the caller's text.
 */
package org.nmis.governance.sql;
