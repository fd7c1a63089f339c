/**
 * The in-memory {@link org.nmis.tracing.index.TracingIndex}: journeys by person, travellers by
 * train and date, registrants by vehicle reference and date, persons by district for name search.
 * One writer, any number of readers, no locks on reads.
 */
package org.nmis.tracing.index;
