package org.nmis.reports;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;

/**
 * Feeds a template from a list of records: each template field is read by the accessor of the same
 * name. Values are computed when the template asks (a QR code is drawn only for the rows printed).
 * Single use, like every JasperReports data source.
 */
final class RecordSource<T> implements JRDataSource {
  private final Iterator<T> rows;
  private final Map<String, Function<T, ?>> fields;
  private T current;

  RecordSource(List<T> rows, Map<String, Function<T, ?>> fields) {
    this.rows = rows.iterator();
    this.fields = Map.copyOf(fields);
  }

  @Override
  public boolean next() {
    if (!rows.hasNext()) {
      return false;
    }
    current = rows.next();
    return true;
  }

  @Override
  public Object getFieldValue(JRField field) throws JRException {
    Function<T, ?> accessor = fields.get(field.getName());
    if (accessor == null) {
      throw new JRException(
          "template field '"
              + field.getName()
              + "' has no accessor; the data source knows "
              + fields.keySet()
              + ". Add it to the report's field map or rename the field in the JRXML.");
    }
    return accessor.apply(current);
  }

  /** The rows of a table of counts: fields {@code label} and {@code value}. */
  static RecordSource<Count> counts(List<Count> counts) {
    return new RecordSource<>(counts, Map.of("label", Count::label, "value", Count::value));
  }
}
