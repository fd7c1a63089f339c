package org.nmis.api.platform;

import java.time.Duration;
import java.util.List;
import org.nmis.governance.sql.GovernedQuery;

/**
 * The one narrow door through which the web layer runs SQL on Spark: only a {@link GovernedQuery}
 * (the rewritten text, never the caller's), streamed row by row to a sink, cancelled for real when
 * it runs out of time.
 */
public interface QueryRunner {
  /** Receives the result: the column names once, then each row as plain Java values. */
  interface RowSink {
    void columns(List<String> names);

    /** Return false to stop reading (the rest of the Spark job is cancelled). */
    boolean row(Object[] values);
  }

  /** The query ran longer than allowed and its Spark job was cancelled. */
  final class QueryTimeoutException extends RuntimeException {
    public QueryTimeoutException(Duration timeout) {
      super("the query ran longer than " + timeout.toSeconds() + " s and was cancelled");
    }
  }

  /** Spark refused or failed the (already governed) query. */
  final class QueryFailedException extends RuntimeException {
    public QueryFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  void run(GovernedQuery query, Duration timeout, RowSink sink);
}
