package org.nmis.api.platform;

import org.nmis.api.config.NmisProperties;
import org.nmis.governance.policy.AccessPolicies;
import org.nmis.governance.policy.AccessPolicy;
import org.nmis.governance.sql.GovernedSql;
import org.nmis.governance.sql.TableLocator;
import org.nmis.ingestion.kafka.RegistrationPublisher;
import org.nmis.model.ids.PersonIdScheme;
import org.nmis.model.privacy.AadhaarTokenizer;
import org.nmis.model.privacy.PersonErasure;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.registration.RegistrationValidator;
import org.nmis.model.serving.FlowIndex;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.warehouse.privacy.DeltaErasure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The platform's parts as beans for the web layer: all pure model or Kafka client objects. */
@Configuration
public class PlatformBeans {

  @Bean
  RegistrationIndex registrationIndex(WarehousePlatform platform) {
    return platform.index();
  }

  @Bean
  FlowIndex flowIndex(WarehousePlatform platform) {
    return platform.flows();
  }

  @Bean
  PersonErasure personErasure(WarehousePlatform platform, NmisProperties properties) {
    NmisProperties.Retention retention = properties.retention();
    PersonErasure erasure =
        new PersonErasure(
            new DeltaErasure(platform.spark(), platform.warehouse()),
            platform.index(),
            java.time.Clock.systemUTC(),
            properties.privacy().erasureIndexWait(),
            // Old file versions go at the first retention run after they are vacuumAfter old.
            retention.vacuumAfter().plus(retention.every()));
    erasure.addFollower(platform::forgetRecord);
    return erasure;
  }

  @Bean
  AccessPolicy accessPolicy() {
    return AccessPolicies.standard();
  }

  @Bean
  GovernedSql governedSql(AccessPolicy policy) {
    // Tables are named in the session catalog by DeltaTables.registerNames.
    return GovernedSql.create(
        GovernedCatalog.warehouse(), policy, TableLocator.inCatalog("spark_catalog", "default"));
  }

  @Bean(destroyMethod = "close")
  SparkQueryRunner queryRunner(WarehousePlatform platform) {
    return new SparkQueryRunner(platform.spark());
  }

  @Bean
  ReferenceData referenceData() {
    return ReferenceData.get();
  }

  @Bean
  RegistrationValidator registrationValidator(ReferenceData reference, WarehousePlatform platform) {
    return new RegistrationValidator(
        reference, new AadhaarTokenizer(platform.ingestSettings().aadhaarKey()));
  }

  @Bean
  PersonIdScheme personIdScheme(WarehousePlatform platform) {
    return new PersonIdScheme(
        platform.ingestSettings().personIdKey(), platform.ingestSettings().personIdEpoch());
  }

  @Bean(destroyMethod = "close")
  RegistrationPublisher registrationPublisher(
      WarehousePlatform platform, NmisProperties properties) {
    return new RegistrationPublisher(platform.bootstrapServers(), properties.kafka().topic());
  }
}
