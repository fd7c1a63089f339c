package org.nmis.api.uploads;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Where an upload stands. {@code pending} counts rows not read yet plus accepted rows whose
 * publication the broker has not acknowledged; accepted rows then reach the tables through the
 * ordinary ingestion path within seconds.
 */
public record UploadStatus(
    @JsonProperty("upload_id") String uploadId,
    @JsonProperty("file_name") String fileName,
    String format,
    String state,
    @JsonProperty("rows_expected") long rowsExpected,
    @JsonProperty("rows_received") long rowsReceived,
    long accepted,
    long rejected,
    long pending,
    double progress,
    @JsonProperty("uploaded_by") String uploadedBy,
    @JsonProperty("started_at") Instant startedAt,
    @JsonProperty("finished_at") Instant finishedAt,
    String failure) {}
