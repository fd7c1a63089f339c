package org.nmis.ingestion.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.registration.Registration;
import org.nmis.warehouse.registrations.ParsedMessages;

/**
 * Publishes registrations to the registrations topic with the publisher's identity in a header.
 * Idempotent producer with acks=all: a retried send is written once, and a send that reports
 * success survives a broker loss.
 */
public final class RegistrationPublisher implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final String topic;

  public RegistrationPublisher(String bootstrapServers, String topic) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    // One registration is well under 4 KiB; anything near this limit is not a registration.
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(1024 * 1024));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
    this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    this.topic = topic;
  }

  /** A validated registration in its canonical form (Aadhaar already tokenised). */
  public CompletableFuture<RecordMetadata> publish(Registration registration, String submittedBy) {
    return publish(registration.sourceKey(), RegistrationJson.write(registration), submittedBy);
  }

  /** A message as a state system would send it. */
  public CompletableFuture<RecordMetadata> publish(String key, byte[] value, String submittedBy) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(
            topic,
            null,
            key,
            value,
            List.of(
                new RecordHeader(
                    ParsedMessages.SUBMITTED_BY_HEADER,
                    submittedBy.getBytes(StandardCharsets.UTF_8))));
    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
    producer.send(
        record,
        (metadata, error) -> {
          if (error != null) {
            result.completeExceptionally(error);
          } else {
            result.complete(metadata);
          }
        });
    return result;
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
