package org.nmis.warehouse.registrations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.nmis.model.ids.PersonIdScheme;
import org.nmis.model.ingest.MessageProcessor;
import org.nmis.model.ingest.ProcessedMessage;
import org.nmis.model.privacy.AadhaarTokenizer;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.registration.FieldError;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.RegistrationColumns;
import org.nmis.warehouse.tables.RegistrationRejectsTable;
import org.nmis.warehouse.tables.RegistrationsRawTable;
import org.nmis.warehouse.tables.RegistrationsTable;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Kafka records to parsed messages: one wide row per message with its topic coordinates, the
 * sanitised payload, the outcome and errors, and (when valid) the normalised registration with its
 * candidate person ID. The three tables are projections of this one pass, so each message is parsed
 * and validated once.
 */
public final class ParsedMessages {
  public static final String SUBMITTED_BY_HEADER = "nmis-submitted-by";
  public static final String VALID = "VALID";
  public static final String REJECTED = "REJECTED";

  /**
   * Days are Indian days: a registration received at 01:00 IST belongs to that date, not the day
   * before.
   */
  static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

  /** Kafka metadata and outcome, then the registration columns, then the errors. */
  public static final StructType SCHEMA;

  static {
    StructType s = new StructType();
    for (String c :
        List.of(
            "topic",
            "kafka_partition",
            "kafka_offset",
            "kafka_timestamp",
            "kafka_key",
            "payload",
            "source_state_code",
            "source_record_id",
            "submitted_by",
            "outcome",
            "received_at",
            "received_date")) {
      s = s.add(nullable(RegistrationsRawTable.SCHEMA.apply(c)));
    }
    s = s.add(nullable(RegistrationsTable.SCHEMA.apply(RegistrationsTable.PERSON_ID)));
    for (String c : RegistrationsTable.DATA_COLUMNS) {
      s = s.add(nullable(RegistrationsTable.SCHEMA.apply(c)));
    }
    s = s.add(nullable(RegistrationsTable.SCHEMA.apply(RegistrationsTable.CONTENT_HASH)));
    s = s.add(nullable(RegistrationRejectsTable.SCHEMA.apply("error_codes")));
    s = s.add(nullable(RegistrationRejectsTable.SCHEMA.apply("errors")));
    SCHEMA = s;
  }

  private ParsedMessages() {}

  private static StructField nullable(StructField f) {
    return new StructField(f.name(), f.dataType(), true, f.metadata());
  }

  /**
   * Counts of parsed messages, added up on the executors while the parse runs, so that a writer
   * learns them from the job that writes the rows instead of running a counting job of its own. A
   * partition computed twice (a lost cache block) counts twice: the counts are statistics and a
   * "there are rejects" signal, never row numbers.
   */
  public record Counts(
      LongAccumulator messages,
      LongAccumulator rejected,
      org.apache.spark.util.CollectionAccumulator<String> rejectCodes)
      implements java.io.Serializable {
    public static Counts register(SparkSession spark) {
      return new Counts(
          spark.sparkContext().longAccumulator("nmis.messages"),
          spark.sparkContext().longAccumulator("nmis.rejected"),
          spark.sparkContext().collectionAccumulator("nmis.reject.codes"));
    }

    /** Rejected messages per rule code (a message counts once under each code it broke). */
    public java.util.Map<String, Long> rejectsByCode() {
      java.util.Map<String, Long> out = new java.util.TreeMap<>();
      rejectCodes.value().forEach(c -> out.merge(c, 1L, Long::sum));
      return out;
    }
  }

  /**
   * Parses a batch of Kafka records (columns key, value, topic, partition, offset, timestamp and
   * optionally headers, as Spark's Kafka source gives them).
   */
  public static Dataset<Row> parse(
      Dataset<Row> kafkaRecords, IngestSettings settings, Instant receivedAt, Counts counts) {
    return kafkaRecords.mapPartitions(
        new Parser(settings, receivedAt, counts), Encoders.row(SCHEMA));
  }

  private static final class Parser implements MapPartitionsFunction<Row, Row> {
    private final IngestSettings settings;
    private final Instant receivedAt;
    private final Counts counts;

    Parser(IngestSettings settings, Instant receivedAt, Counts counts) {
      this.settings = settings;
      this.receivedAt = receivedAt;
      this.counts = counts;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> records) {
      MessageProcessor processor =
          new MessageProcessor(
              ReferenceData.get(),
              new AadhaarTokenizer(settings.aadhaarKey()),
              new PersonIdScheme(settings.personIdKey(), settings.personIdEpoch()));
      LocalDate receivedDate = receivedAt.atZone(INDIA).toLocalDate();
      return new Iterator<>() {
        private int key = -1;
        private int value;
        private int topic;
        private int partition;
        private int offset;
        private int timestamp;
        private int headers;

        @Override
        public boolean hasNext() {
          return records.hasNext();
        }

        @Override
        public Row next() {
          Row r = records.next();
          if (key < 0) {
            key = r.fieldIndex("key");
            value = r.fieldIndex("value");
            topic = r.fieldIndex("topic");
            partition = r.fieldIndex("partition");
            offset = r.fieldIndex("offset");
            timestamp = r.fieldIndex("timestamp");
            headers = r.schema().getFieldIndex("headers").getOrElse(() -> -1);
          }
          int p = r.getInt(partition);
          long o = r.getLong(offset);
          ProcessedMessage m = processor.process((byte[]) r.get(value), p, o);
          counts.messages().add(1);
          if (!m.valid()) {
            counts.rejected().add(1);
            m.errors().stream()
                .map(e -> e.code().name())
                .distinct()
                .forEach(counts.rejectCodes()::add);
          }
          return toRow(r, m, p, o);
        }

        private Row toRow(Row r, ProcessedMessage m, int p, long o) {
          byte[] k = (byte[]) r.get(key);
          Object[] out = new Object[SCHEMA.size()];
          int i = 0;
          out[i++] = r.getString(topic);
          out[i++] = p;
          out[i++] = o;
          out[i++] = r.get(timestamp);
          out[i++] = k == null ? null : new String(k, StandardCharsets.UTF_8);
          out[i++] = m.sanitizedPayload();
          out[i++] = m.sourceStateCode();
          out[i++] = m.sourceRecordId();
          out[i++] = submittedBy(r, m);
          out[i++] = m.valid() ? VALID : REJECTED;
          out[i++] = receivedAt;
          out[i++] = receivedDate;
          Registration g = m.registration();
          if (g != null) {
            out[i++] = m.candidatePersonId().value();
            Object[] data = RegistrationColumns.dataValues(g);
            System.arraycopy(data, 0, out, i, data.length);
            i += data.length;
            out[i++] = g.contentHash();
            out[i++] = null;
            out[i] = null;
          } else {
            i += 2 + RegistrationsTable.DATA_COLUMNS.size();
            List<String> codes = new ArrayList<>(m.errors().size());
            List<Row> errors = new ArrayList<>(m.errors().size());
            for (FieldError e : m.errors()) {
              codes.add(e.code().name());
              errors.add(RowFactory.create(e.code().name(), e.field(), e.value(), e.message()));
            }
            // Spark's row encoder takes Scala sequences for array columns.
            out[i++] = CollectionConverters.asScala(codes).toSeq();
            out[i] = CollectionConverters.asScala(errors).toSeq();
          }
          return RowFactory.create(out);
        }

        private String submittedBy(Row r, ProcessedMessage m) {
          if (headers >= 0 && !r.isNullAt(headers)) {
            List<Row> hs = r.getList(headers);
            for (Row h : hs) {
              if (SUBMITTED_BY_HEADER.equals(h.getString(0)) && h.get(1) != null) {
                return new String((byte[]) h.get(1), StandardCharsets.UTF_8);
              }
            }
          }
          return m.sourceStateCode() == null
              ? "kafka:unknown"
              : "kafka:state-" + m.sourceStateCode();
        }
      };
    }
  }
}
