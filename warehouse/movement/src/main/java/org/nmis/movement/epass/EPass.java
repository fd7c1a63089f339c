package org.nmis.movement.epass;

/**
 * An issued pass: its claims (to store, for example the pass ID for revocation) and the signed
 * token (the QR).
 */
public record EPass(EPassClaims claims, String token) {}
