package org.nmis.api.movement;

/** The e-pass verification key as a JSON Web Key, published at /api/v1/epasses/public-key. */
public record EPassPublicKey(String jwk) {}
