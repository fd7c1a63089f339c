package org.nmis.model.access;

/** What a user does; each role sees what its work needs (docs/SECURITY.md). */
public enum Role {
  MINISTRY,
  STATE,
  DISTRICT,
  RAILWAYS,
  HEALTH,
  AUDITOR
}
