/**
 * A pure description of the warehouse's tables: names, columns and types. The runtime builds it
 * from the Delta table definitions; governance validates SQL and checks the access policy against
 * it.
 */
package org.nmis.governance.catalog;
