/**
 * E-passes: compact Ed25519-signed tokens for QR codes, their keys, issuing and offline
 * verification.
 */
package org.nmis.movement.epass;
