package org.nmis.api.platform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import org.apache.spark.sql.Row;
import org.nmis.model.audit.AuditChain;
import org.nmis.model.audit.AuditRows;
import org.nmis.warehouse.tables.AuditLogTable;
import org.springframework.stereotype.Component;

/**
 * A day of audit_log read back from the Delta table with Spark, streamed to the driver in the
 * chain's order (a busy day does not fit in memory at once).
 */
@Component
public class SparkAuditRows implements AuditRows {
  private final WarehousePlatform platform;

  public SparkAuditRows(WarehousePlatform platform) {
    this.platform = platform;
  }

  @Override
  public Iterator<AuditChain.Entry> day(LocalDate day) {
    Iterator<Row> rows =
        platform
            .spark()
            .read()
            .format("delta")
            .load(platform.warehouse().pathOf(AuditLogTable.DEFINITION))
            .where(col("day").equalTo(lit(Date.valueOf(day))))
            .orderBy(col("chain").asc_nulls_first(), col("seq").asc())
            .toLocalIterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public AuditChain.Entry next() {
        return entry(rows.next());
      }
    };
  }

  private static AuditChain.Entry entry(Row r) {
    Object at = r.getAs("at");
    Instant instant = at instanceof Timestamp t ? t.toInstant() : (Instant) at;
    Object day = r.getAs("day");
    Object seq = r.getAs("seq");
    return new AuditChain.Entry(
        r.getAs("chain"),
        seq == null ? 0 : ((Number) seq).longValue(),
        r.getAs("prev_hash"),
        r.getAs("hash"),
        r.getAs("id"),
        AuditChain.AT.format(instant),
        r.getAs("username"),
        r.getAs("role"),
        r.getAs("jurisdiction"),
        r.getAs("endpoint"),
        r.getAs("sql_text"),
        r.getAs("parameters"),
        ((Number) r.getAs("rows_returned")).longValue(),
        ((Number) r.getAs("duration_ms")).longValue(),
        r.getAs("outcome"),
        day.toString());
  }
}
