/**
 * Coach layouts (berth types and bays per coach class, from the project's own table) and rakes of
 * coaches.
 */
package org.nmis.movement.layout;
