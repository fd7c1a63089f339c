package org.nmis.warehouse.spark;

import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.streaming.StreamingQuery;

/** Stopping a streaming query with an error that names which one did not stop. */
public final class StreamingQueries {
  private StreamingQueries() {}

  public static void stop(StreamingQuery query, String errorCode) {
    try {
      query.stop();
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          errorCode
              + ": streaming query "
              + query.name()
              + " did not stop within"
              + " spark.sql.streaming.stopTimeout; its next start resumes from the checkpoint",
          e);
    }
  }
}
