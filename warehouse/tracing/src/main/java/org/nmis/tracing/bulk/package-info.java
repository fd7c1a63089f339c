/**
 * Bulk follow-up lists: many index cases at once, every exposed person once with the strongest
 * level and the index cases they met, grouped by destination district so each district health team
 * gets its own list.
 */
package org.nmis.tracing.bulk;
