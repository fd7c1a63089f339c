package org.nmis.sms.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A hand-written gateway: records every message it "delivers", answers what the test scripts
 * (accept by default), and can lose its answer after taking the message, as a crash or a time-out
 * would.
 */
final class FakeGateway implements SmsGateway {
  final List<OutboxMessage> received = new ArrayList<>();
  private final Deque<Outcome> script = new ArrayDeque<>();
  private boolean loseNextAnswer;
  private int sids;

  void then(Outcome outcome) {
    script.add(outcome);
  }

  void loseNextAnswer() {
    loseNextAnswer = true;
  }

  @Override
  public Outcome send(OutboxMessage m) {
    Outcome scripted = script.poll();
    if (scripted != null && !(scripted instanceof Accepted)) {
      return scripted; // refused or throttled: nothing was created
    }
    received.add(m);
    Accepted accepted = new Accepted("SM" + (++sids), SmsStatus.QUEUED);
    if (loseNextAnswer) {
      loseNextAnswer = false;
      return new Unknown("read timed out");
    }
    return accepted;
  }

  @Override
  public List<Found> sentTo(String to, Instant since) {
    List<Found> found = new ArrayList<>();
    for (int i = received.size() - 1; i >= 0; i--) {
      OutboxMessage m = received.get(i);
      if (m.to().equals(to)) {
        found.add(new Found("SM" + (i + 1), m.body(), SmsStatus.SENT));
      }
    }
    return found;
  }

  static Throttled throttled() {
    return new Throttled("429", Duration.ofSeconds(2));
  }
}
