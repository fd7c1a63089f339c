package org.nmis.api.config;

import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.RequestId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * One JSON form of the IDs in every answer: {@code "7K2QM-X9F3A"} and {@code "MR-G1AK4-1ZNSC"},
 * whichever domain object carries them (Spring Boot registers every JacksonModule bean with the
 * API's mapper).
 */
@Configuration
public class ApiJson {
  @Bean
  JacksonModule idsAsText() {
    return new SimpleModule("nmis-ids")
        .addSerializer(PersonId.class, ToStringSerializer.instance)
        .addSerializer(RequestId.class, ToStringSerializer.instance);
  }
}
