package org.nmis.model.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmis.model.audit.AuditChain.Entry;

class AuditChainTest {
  private static final String DAY = "2020-05-20";

  private static Entry event(int i) {
    return new Entry(
        "w1",
        0,
        null,
        null,
        "id-" + i,
        "2020-05-20T10:00:0" + i + ".000Z",
        "health",
        "HEALTH",
        "health:HEALTH",
        "tracing.by-mobile",
        null,
        "{\"purpose\":\"CASE-" + i + "\"}",
        i,
        5,
        "OK",
        DAY);
  }

  /** Five events sealed in order, as the writer does. */
  private static List<Entry> chain() {
    List<Entry> out = new ArrayList<>();
    String prev = AuditChain.GENESIS;
    for (int i = 1; i <= 5; i++) {
      Entry e = event(i).sealed(i, prev);
      out.add(e);
      prev = e.hash();
    }
    return out;
  }

  private static Entry withRows(Entry e, long rows) {
    return new Entry(
        e.chain(),
        e.seq(),
        e.prevHash(),
        e.hash(),
        e.id(),
        e.at(),
        e.username(),
        e.role(),
        e.jurisdiction(),
        e.endpoint(),
        e.sqlText(),
        e.parameters(),
        rows,
        e.durationMs(),
        e.outcome(),
        e.day());
  }

  @Test
  void anUntouchedDayHoldsInAnyOrder() {
    List<Entry> rows = chain();
    Collections.reverse(rows);
    AuditChain.Verdict v = AuditChain.verify(DAY, rows);
    assertTrue(v.intact());
    assertNull(v.firstBroken());
    assertEquals(5, v.rows());
    assertEquals(1, v.chains());
  }

  @Test
  void anEditedRowIsNamed() {
    List<Entry> rows = chain();
    rows.set(2, withRows(rows.get(2), 0)); // someone hides what a lookup returned
    AuditChain.Verdict v = AuditChain.verify(DAY, rows);
    assertFalse(v.intact());
    assertEquals(3, v.firstBroken().seq());
    assertEquals("id-3", v.firstBroken().id());
    assertTrue(v.firstBroken().reason().contains("changed"), v.firstBroken().reason());
  }

  @Test
  void aRemovedRowIsNamed() {
    List<Entry> rows = chain();
    rows.remove(1);
    AuditChain.Broken b = AuditChain.verify(DAY, rows).firstBroken();
    assertEquals(2, b.seq());
    assertTrue(b.reason().contains("missing"), b.reason());
  }

  @Test
  void anEditedRowReSealedStillBreaksTheNextLink() {
    List<Entry> rows = chain();
    // The editor recomputes the row's own hash, but the next row still points at the old one.
    rows.set(2, withRows(rows.get(2), 0).sealed(3, rows.get(1).hash()));
    AuditChain.Broken b = AuditChain.verify(DAY, rows).firstBroken();
    assertEquals(4, b.seq());
    assertTrue(b.reason().contains("prev_hash"), b.reason());
  }

  @Test
  void rowsFromBeforeTheChainAreCountedNotChecked() {
    List<Entry> rows = chain();
    rows.add(event(9)); // no chain, no seq: written by an older version
    AuditChain.Verdict v = AuditChain.verify(DAY, rows);
    assertTrue(v.intact());
    assertEquals(1, v.unchained());
  }
}
