package org.nmis.tracing.lookup;

/** Where a traveller's e-pass for one manifested journey stands. */
public enum EPassState {
  NOT_ISSUED,
  VALID,
  REVOKED,
  EXPIRED
}
