/**
 * The movement workflow as an application service: commands checked by the pure workflow, logged to
 * a {@link org.nmis.movement.service.TransitionLog} before they take effect, manifests and e-passes
 * issued, and the state rebuilt from the log on start. The web layer calls it; Kafka implements the
 * log.
 */
package org.nmis.movement.service;
