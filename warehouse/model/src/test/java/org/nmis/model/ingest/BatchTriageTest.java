package org.nmis.model.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nmis.model.ingest.BatchTriage.Decision;
import org.nmis.model.ingest.BatchTriage.Kind;
import org.nmis.model.ingest.BatchTriage.Message;

class BatchTriageTest {
  @Test
  void newResentAndCorrectedRecordsAreToldApart() {
    SourceKeyIndex index = new SourceKeyIndex();
    index.put(2, 20);
    index.put(3, 30);
    Message fresh = new Message(1, 10, 0, 100);
    Message resent = new Message(2, 20, 0, 101);
    Message corrected = new Message(3, 31, 1, 102);
    BatchTriage.Result r = BatchTriage.triage(List.of(fresh, resent, corrected), index);
    assertEquals(List.of(new Decision(Kind.NEW, fresh, fresh)), r.of(Kind.NEW));
    assertEquals(List.of(new Decision(Kind.RESEND, resent, resent)), r.of(Kind.RESEND));
    assertEquals(
        List.of(new Decision(Kind.CORRECTION, corrected, corrected)), r.of(Kind.CORRECTION));
    assertEquals(List.of(resent, corrected), r.notAppended());
    assertEquals(2, index.size(), "triage does not change the index");
  }

  @Test
  void theNewestMessageOfARecordIsWrittenAndTheOldestGivesItsId() {
    Message first = new Message(7, 1, 2, 10);
    Message middle = new Message(7, 2, 2, 11);
    Message last = new Message(7, 3, 2, 12);
    BatchTriage.Result r = BatchTriage.triage(List.of(middle, last, first), new SourceKeyIndex());
    assertEquals(List.of(new Decision(Kind.NEW, last, first)), r.decisions());
    assertEquals(List.of(middle, first), r.notAppended(), "only the newest is appended");
    SourceKeyIndex known = new SourceKeyIndex();
    known.put(7, 3);
    assertEquals(
        Kind.RESEND, BatchTriage.triage(List.of(first, last), known).decisions().get(0).kind());
    known.put(7, 1);
    assertEquals(
        Kind.CORRECTION, BatchTriage.triage(List.of(last, first), known).decisions().get(0).kind());
  }

  @Test
  void everyValidMessageIsEitherAppendedOnceOrLeftOut() {
    Random random = new Random(42);
    SourceKeyIndex index = new SourceKeyIndex(16);
    for (long k = 0; k < 5_000; k++) {
      index.put(k * 3, k % 3);
    }
    List<Message> batch = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      batch.add(new Message(random.nextInt(30_000), random.nextInt(3), random.nextInt(4), i));
    }
    BatchTriage.Result r = BatchTriage.triage(batch, index);
    long appended = batch.size() - r.notAppended().size();
    assertEquals(r.of(Kind.NEW).size(), appended);
    for (Decision d : r.decisions()) {
      assertEquals(d.kind() == Kind.NEW, !index.contains(d.latest().key()));
      assertFalse(d.first().after(d.latest()));
      Message newest =
          batch.stream()
              .filter(m -> m.key() == d.latest().key())
              .max(Comparator.comparingLong(Message::offset))
              .orElseThrow();
      assertEquals(newest, d.latest());
    }
    assertTrue(r.of(Kind.CORRECTION).size() > 0 && r.of(Kind.RESEND).size() > 0);
  }
}
