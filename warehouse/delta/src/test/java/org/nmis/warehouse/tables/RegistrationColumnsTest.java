package org.nmis.warehouse.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.nmis.model.registration.RegistrationColumns;
import org.nmis.model.testing.RegistrationFixtures;

/**
 * The model's column map of a stored registration (what the access policy reads on the REST paths)
 * names the columns of the {@code registrations} table, in its order: a renamed or added column
 * cannot slip past the policy.
 */
class RegistrationColumnsTest {
  /** Bookkeeping of the ingestion job that the serving model does not carry. */
  private static final List<String> NOT_SERVED =
      List.of(
          RegistrationsTable.CONTENT_HASH,
          RegistrationsTable.KAFKA_PARTITION,
          RegistrationsTable.KAFKA_OFFSET);

  @Test
  void theColumnMapHasTheTablesColumnsInOrder() {
    List<String> table =
        new ArrayList<>(
            Arrays.stream(RegistrationsTable.SCHEMA.fields()).map(StructField::name).toList());
    table.removeAll(NOT_SERVED);
    assertEquals(
        table, List.copyOf(RegistrationColumns.of(RegistrationFixtures.ramStored()).keySet()));
  }
}
