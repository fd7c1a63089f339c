package org.nmis.model.registration;

/** M male, F female, T transgender, U undisclosed. */
public enum Gender {
  M,
  F,
  T,
  U
}
