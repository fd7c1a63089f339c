/**
 * Person lookups for tracing: by mobile, person ID or name within a district, each person with
 * every journey and, for manifested journeys, the e-pass status the service supplies.
 */
package org.nmis.tracing.lookup;
