package org.nmis.api.movement;

import java.security.KeyPair;
import java.time.Clock;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.ingestion.kafka.KafkaLog;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.epass.EPassIssuer;
import org.nmis.movement.epass.EPassKeys;
import org.nmis.movement.epass.EPassVerifier;
import org.nmis.movement.request.Escalation;
import org.nmis.movement.service.MovementService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the movement workflow: its log on Kafka, its keys, and the service that replays the log on
 * start.
 */
@Configuration
public class MovementBeans {

  @Bean(destroyMethod = "close")
  KafkaLog movementLog(WarehousePlatform platform, NmisProperties p) {
    return new KafkaLog(platform.bootstrapServers(), p.movement().topic());
  }

  @Bean
  KeyPair epassKeys(WarehousePlatform platform) {
    return EPassKeys.fromConfig(platform.epassPrivateKey(), null);
  }

  @Bean
  EPassPublicKey epassPublicKey(KeyPair epassKeys) {
    return new EPassPublicKey(EPassKeys.jwk(epassKeys.getPublic()));
  }

  @Bean
  MovementService movementService(
      KafkaLog log,
      RegistrationIndex index,
      ReferenceData reference,
      WarehousePlatform platform,
      KeyPair epassKeys,
      NmisProperties p) {
    Clock clock = Clock.systemUTC();
    MovementService service =
        new MovementService(
            log,
            index,
            reference,
            clock,
            platform.requestIdScheme(),
            new EPassIssuer(epassKeys.getPrivate(), clock),
            new EPassVerifier(epassKeys.getPublic()),
            new Escalation(p.movement().escalateAfter()));
    service.recover();
    return service;
  }
}
