package org.nmis.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.RequestId;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's published contract: springdoc describes every endpoint of {@code /api} at {@code
 * /v3/api-docs} (OpenAPI 3); this names it and says how to sign in. OpenApiIT checks that every
 * endpoint is in it and that the answers keep to it.
 */
@Configuration
public class ApiContract {
  static {
    // IDs are text in every answer (ApiJson); the contract says so too.
    SpringDocUtils.getConfig()
        .replaceWithClass(PersonId.class, String.class)
        .replaceWithClass(RequestId.class, String.class);
  }

  @Bean
  OpenAPI nmisOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("NMIS Warehouse API")
                .version("v1")
                .description(
                    "Registrations, uploads, lookups, flows, governed SQL, movement requests, manifests,"
                        + " e-passes and contact tracing. Every error is an RFC 7807 problem body with a"
                        + " stable code; what each role sees is the access policy of docs/SECURITY.md."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
