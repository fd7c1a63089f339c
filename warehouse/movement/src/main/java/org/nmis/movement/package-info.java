/**
 * The movement workflow's pure domain: requests and consent, bookings, coach allocation, e-passes.
 */
package org.nmis.movement;
