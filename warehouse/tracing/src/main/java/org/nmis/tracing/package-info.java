/**
 * Contact tracing of co-travellers, pure Java: the {@link org.nmis.tracing.index.TracingIndex} of
 * journeys fed by registrations and manifests, exposure levels and contact lists, person lookups,
 * bulk follow-up lists and a rate limiter. The web layer builds the endpoints, the audit and the
 * feeding on top; nothing here runs Spark.
 */
package org.nmis.tracing;
