package org.nmis.bench;

import java.time.Instant;
import java.util.Locale;
import org.nmis.ingestion.synthetic.SyntheticMessage;
import org.nmis.ingestion.synthetic.SyntheticRegistrations;
import org.nmis.ingestion.synthetic.SyntheticSettings;
import org.nmis.model.ids.PersonIdScheme;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.registration.RegistrationValidator;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.registration.ValidationResult;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.index.TracingIndex;

/**
 * The heap the per-person serving indexes take, without a cluster or a service ({@code ./nmis
 * bench-footprint [N]}, default 1,000,000): the benchmarks' synthetic registrations, validated as
 * ingestion validates them, fed to the registration index and the tracing index that follows it;
 * live heap after full GCs before and after, per person, and lookups by mobile and ID in process.
 * The service's own figure (with the flows index and everything else it holds) comes from {@code
 * ./nmis cluster bench}.
 */
public final class IndexFootprint {
  private IndexFootprint() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    RegistrationValidator validator = RegistrationFixtures.validator();
    PersonIdScheme ids = RegistrationFixtures.idScheme();
    RegistrationIndex index = new RegistrationIndex();
    TracingIndex tracing = TracingIndex.following(index, TracingSettings.defaults());
    long heap0 = WarehouseBenchmark.liveHeap();
    SyntheticRegistrations.Run run =
        new SyntheticRegistrations(SyntheticSettings.withSeed(1)).stream(n);
    long offset = 0;
    long start = System.nanoTime();
    while (run.hasNext()) {
      SyntheticMessage m = run.next();
      if (m.kind() != SyntheticMessage.Kind.NEW_VALID) {
        continue;
      }
      if (validator.validate(RegistrationJson.read(m.value()).orElseThrow())
          instanceof ValidationResult.Valid v) {
        Instant now = Instant.now();
        String writer = "state-" + v.registration().sourceStateCode();
        index.upsert(
            new StoredRegistration(
                ids.forLogPosition(0, offset++), v.registration(), 1, writer, now, writer, now));
      }
    }
    double feedSeconds = (System.nanoTime() - start) / 1e9;
    long heap = WarehouseBenchmark.liveHeap();
    System.out.printf(
        Locale.ROOT,
        "%,d persons indexed (registration + tracing index) in %.1f s;"
            + " live heap %,d MB more: %,d bytes a person (%s)%n",
        index.size(),
        feedSeconds,
        (heap - heap0) / 1_000_000,
        (heap - heap0) / Math.max(1, index.size()),
        tracing.stats());
  }
}
