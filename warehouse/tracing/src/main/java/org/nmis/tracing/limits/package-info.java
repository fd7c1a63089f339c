/** Per-user rate limits that stop bulk harvesting of persons through the lookup endpoints. */
package org.nmis.tracing.limits;
