package org.nmis.api.demo;

import org.nmis.ingestion.kafka.RegistrationPublisher;
import org.nmis.ingestion.synthetic.SyntheticMessage;
import org.nmis.ingestion.synthetic.SyntheticRegistrations;
import org.nmis.ingestion.synthetic.SyntheticSettings;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.privacy.MobileNumbers;
import org.nmis.model.registration.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Demo tooling, not part of the service jar: {@code ./nmis demo} runs the service with the test
 * classes on the class path, which is how this component joins it. Plays the state systems in the
 * demo: publishes {@code nmis.demo.generate} synthetic registrations (with a few percent invalid
 * rows, re-sends and corrections) to the registrations topic, as states would, in the background;
 * then has {@link DemoWorkflow} run trains for them.
 */
@Component
public class DemoDataPublisher implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DemoDataPublisher.class);
  private final RegistrationPublisher publisher;
  private final DemoWorkflow workflow;
  private final long generate;
  private final long seed;

  /**
   * @param generate synthetic registrations to publish at start-up ({@code nmis.demo.generate}, 0 =
   *     none)
   * @param seed seed of the generator ({@code nmis.demo.seed}): the same seed gives the same
   *     messages
   */
  public DemoDataPublisher(
      RegistrationPublisher publisher,
      DemoWorkflow workflow,
      @Value("${nmis.demo.generate:0}") long generate,
      @Value("${nmis.demo.seed:20200501}") long seed) {
    this.publisher = publisher;
    this.workflow = workflow;
    this.generate = generate;
    this.seed = seed;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (generate <= 0) {
      return;
    }
    Thread t = new Thread(this::publish, "demo-publisher");
    t.setDaemon(true);
    t.start();
  }

  private void publish() {
    SyntheticRegistrations.Run run =
        new SyntheticRegistrations(SyntheticSettings.withSeed(seed)).stream(generate);
    long t0 = System.nanoTime();
    String example = null;
    while (run.hasNext()) {
      SyntheticMessage m = run.next();
      publisher.publish(m.key(), m.value(), "demo:state-system");
      if (example == null && m.kind() == SyntheticMessage.Kind.NEW_VALID) {
        example =
            RegistrationJson.read(m.value())
                .map(in -> in.get(Field.MOBILE))
                .flatMap(MobileNumbers::normalise)
                .map(x -> x.substring(3))
                .orElse(null);
      }
    }
    publisher.flush();
    SyntheticRegistrations.Counts c = run.counts();
    LOG.info(
        "demo: published {} synthetic registrations in {} ms ({} new valid, {} invalid, {} re-sends, {}"
            + " corrections); once ingested, try: curl -u health:health-demo"
            + " 'http://localhost:8080/api/v1/persons?mobile={}'; dashboard: http://localhost:8080/"
            + " (sign in as a demo user of README.md, for example ministry / ministry-demo)",
        c.total(),
        (System.nanoTime() - t0) / 1_000_000,
        c.newValid(),
        c.newInvalid(),
        c.resends(),
        c.corrections(),
        example);
    workflow.play();
  }
}
