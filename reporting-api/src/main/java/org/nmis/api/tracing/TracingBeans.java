package org.nmis.api.tracing;

import java.time.Clock;
import java.time.Instant;
import org.nmis.api.config.NmisProperties;
import org.nmis.model.ids.RequestId;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.service.MovementService;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.bulk.BulkJobs;
import org.nmis.tracing.bulk.BulkTrace;
import org.nmis.tracing.index.TracingIndex;
import org.nmis.tracing.journeys.ManifestedTrain;
import org.nmis.tracing.limits.RateLimiter;
import org.nmis.tracing.lookup.EPassState;
import org.nmis.tracing.lookup.EPassStatus;
import org.nmis.tracing.lookup.PersonLookup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tracing index follows the registration index and the movement service's manifests (both in
 * memory, fed from the Delta change feed and the movement log), so a tracing answer never runs a
 * Spark job.
 */
@Configuration
public class TracingBeans {

  @Bean
  TracingIndex tracingIndex(RegistrationIndex registrations, MovementService movement) {
    TracingIndex index = TracingIndex.following(registrations, TracingSettings.defaults());
    movement.addManifestListener(
        new MovementService.ManifestListener() {
          @Override
          public void manifested(MovementRequest request, Manifest manifest) {
            index.manifest(ManifestedTrain.of(request, manifest));
          }

          @Override
          public void withdrawn(RequestId request) {
            index.removeManifest(request);
          }
        });
    return index;
  }

  @Bean
  PersonLookup personLookup(
      TracingIndex index, RegistrationIndex registrations, MovementService movement) {
    Clock clock = Clock.systemUTC();
    return new PersonLookup(
        index,
        registrations::byMobile,
        (request, traveller) ->
            movement
                .passOf(request, traveller)
                .map(
                    p ->
                        new EPassStatus(
                            p.status().equals("REVOKED")
                                ? EPassState.REVOKED
                                : p.validUntil().isBefore(Instant.now(clock))
                                    ? EPassState.EXPIRED
                                    : EPassState.VALID,
                            p.passId()))
                .orElse(EPassStatus.notIssued()),
        TracingSettings.defaults());
  }

  @Bean
  BulkTrace bulkTrace(TracingIndex index, RegistrationIndex registrations) {
    return new BulkTrace(index, registrations::byMobile, TracingSettings.defaults());
  }

  @Bean(destroyMethod = "close")
  BulkJobs bulkJobs(BulkTrace trace, NmisProperties p) {
    return new BulkJobs(
        trace,
        Clock.systemUTC(),
        p.tracing().bulkJobsKeep(),
        p.tracing().bulkJobsMax(),
        new FileBulkLedger(p.dataDir().resolve("tracing-jobs")));
  }

  @Bean
  RateLimiter tracingRateLimiter(NmisProperties p) {
    return new RateLimiter(
        Clock.systemUTC(), p.tracing().lookupsPerMinute(), p.tracing().lookupsPerMinute());
  }
}
