package org.nmis.ingestion.stream;

import org.nmis.warehouse.registrations.IngestSettings;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * Settings of the registration ingestion job.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param topic the registrations topic
 * @param warehouse where the Delta tables live
 * @param checkpointLocation the streaming checkpoint (Kafka offsets and batch log); same file
 *     system family as the warehouse in production (HDFS, S3, ...)
 * @param maxOffsetsPerTrigger upper bound of messages per micro-batch (bigger batches = higher
 *     throughput)
 * @param triggerMillis pause between micro-batches when idle
 * @param ingest keys and writer ID
 */
public record IngestJobSettings(
    String bootstrapServers,
    String topic,
    WarehouseLocation warehouse,
    String checkpointLocation,
    long maxOffsetsPerTrigger,
    long triggerMillis,
    IngestSettings ingest) {}
