package org.nmis.sms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.nmis.model.testing.PureModule;

/** SMS is a pure library: no framework; texts know nothing of the outbox that sends them. */
class SmsIsPureTest {
  private static final PureModule MODULE =
      PureModule.of(
          "org.nmis.sms",
          "org.nmis.sms.template.SmsTemplates",
          "org.nmis.sms.outbox.SmsSender",
          "org.nmis.sms.outbox.SmsGateway");

  @Test
  void noRuntimeNorTestSupport() {
    MODULE.assertPure("com.twilio..");
  }

  @Test
  void templatesDoNotDependOnTheOutbox() {
    noClasses()
        .that()
        .resideInAPackage("org.nmis.sms.template..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.nmis.sms.outbox..")
        .check(MODULE.classes());
  }
}
