/**
 * Journeys as tracing sees them: what a registration or a manifest says about one person's trip,
 * and the inputs the service feeds ({@link org.nmis.tracing.journeys.ManifestedTrain}).
 */
package org.nmis.tracing.journeys;
