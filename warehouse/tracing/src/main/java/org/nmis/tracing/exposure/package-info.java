/**
 * Exposure between co-travellers: the levels, one index case's contact report, and the flat contact
 * edges the service lands in the {@code contact_index} table.
 */
package org.nmis.tracing.exposure;
