package org.nmis.api.security;

import java.util.List;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.errors.ProblemAuthenticationEntryPoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic over stateless requests. Reference data is public (it is public data); everything else
 * needs a user, and writing registrations needs a STATE or DISTRICT user.
 */
@Configuration
public class SecurityConfig {

  @Bean
  SecurityFilterChain filterChain(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint)
      throws Exception {
    http.csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(entryPoint))
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(HttpMethod.GET, "/api/v1/reference/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/v1/epasses/public-key")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/epasses/verify")
                    .permitAll()
                    // Twilio's callbacks carry no user: each is checked by its X-Twilio-Signature.
                    .requestMatchers(HttpMethod.POST, "/api/v1/sms/status", "/api/v1/sms/inbound")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/registrations")
                    .hasAnyRole("STATE", "DISTRICT")
                    .requestMatchers("/api/v1/uploads/**")
                    .hasAnyRole("STATE", "DISTRICT")
                    .requestMatchers("/api/v1/tracing/**")
                    .hasRole("HEALTH")
                    .requestMatchers("/api/**")
                    .authenticated()
                    .anyRequest()
                    .denyAll());
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService users(NmisProperties properties) {
    List<NmisUser> users =
        properties.security().users().stream()
            .map(
                u ->
                    new NmisUser(
                        u.username(), u.password(), u.role(), u.stateCode(), u.districtCode()))
            .toList();
    return username ->
        users.stream()
            .filter(u -> u.username().equals(username))
            .findFirst()
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }
}
