/**
 * Train bookings: what railways books, the rules a booking must meet, and the cross-request
 * double-booking check.
 */
package org.nmis.movement.booking;
