package org.nmis.tracing.bulk;

/**
 * An index case that was not traced: its position in the input (from 1), the input as sent, why,
 * and what to do.
 */
public record UnresolvedInput(
    int position, String input, UnresolvedReason reason, String message) {}
