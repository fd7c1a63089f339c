package org.nmis.warehouse.registrations;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.nmis.model.ingest.BatchTriage;

/**
 * A set of log positions (partition, offset), each with an optional text, that the writer decides
 * on the driver and the executors look up row by row: shipped once per executor as a broadcast
 * variable rather than as a table joined into every task. Sorted keys, binary search; immutable.
 */
final class LogPositions implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long[] keys;
  private final String[] values;

  private LogPositions(long[] keys, String[] values) {
    this.keys = keys;
    this.values = values;
  }

  /** The positions of these messages, without texts. */
  static LogPositions of(List<BatchTriage.Message> messages) {
    long[] keys = new long[messages.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = key(messages.get(i).partition(), messages.get(i).offset());
    }
    Arrays.sort(keys);
    return new LogPositions(keys, null);
  }

  /** The position of each decision's newest message, with a text computed from the decision. */
  static LogPositions ofLatest(
      List<BatchTriage.Decision> decisions, Function<BatchTriage.Decision, String> text) {
    BatchTriage.Decision[] sorted =
        decisions.stream()
            .sorted(
                (a, b) ->
                    Long.compare(
                        key(a.latest().partition(), a.latest().offset()),
                        key(b.latest().partition(), b.latest().offset())))
            .toArray(BatchTriage.Decision[]::new);
    long[] keys = new long[sorted.length];
    String[] values = new String[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      keys[i] = key(sorted[i].latest().partition(), sorted[i].latest().offset());
      values[i] = text.apply(sorted[i]);
    }
    return new LogPositions(keys, values);
  }

  boolean contains(int partition, long offset) {
    return Arrays.binarySearch(keys, key(partition, offset)) >= 0;
  }

  /** The text at this position, or null when the position is not in the set. */
  String text(int partition, long offset) {
    int at = Arrays.binarySearch(keys, key(partition, offset));
    return at < 0 || values == null ? null : values[at];
  }

  boolean isEmpty() {
    return keys.length == 0;
  }

  /** Partitions below 64 and offsets below 2^37 (PersonIdScheme's limits) fit in one long. */
  private static long key(int partition, long offset) {
    return ((long) partition << 40) | offset;
  }
}
