package org.nmis.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The NMIS warehouse service: registrations API, lookups and reference data, on an embedded or real
 * cluster.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NmisApplication {
  public static void main(String[] args) {
    SpringApplication.run(NmisApplication.class, args);
  }
}
