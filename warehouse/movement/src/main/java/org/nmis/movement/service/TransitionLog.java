package org.nmis.movement.service;

import java.util.function.Consumer;

/**
 * The durable log the movement service writes every transition to before it applies it, and
 * rebuilds its state from on start. The infrastructure implements it (a single-partition Kafka
 * topic, {@code KafkaLog}); tests use an in-memory list.
 */
public interface TransitionLog {
  /**
   * Appends one message under the request's key and returns once the log holds it durably. Throws
   * when it does not; then nothing changed and the caller may retry.
   */
  void append(String key, byte[] message);

  /** Hands every message appended so far to {@code apply}, oldest first. */
  void replay(Consumer<byte[]> apply);
}
