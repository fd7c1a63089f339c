package org.nmis.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.errors.ProblemAuthenticationEntryPoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * HTTP Basic for scripts (no session), a sign-in form and a session cookie with CSRF protection for
 * browsers; the same users either way. Reference data is public (it is public data), so are the
 * dashboard's pages (they hold no data); everything else needs a user, and writing registrations
 * needs a STATE or DISTRICT user.
 */
@Configuration
public class SecurityConfig {

  @Bean
  SecurityFilterChain filterChain(
      HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint, SignInAttempts signIns)
      throws Exception {
    // Throttled names and addresses are refused before any password is checked.
    http.addFilterBefore(signIns, UsernamePasswordAuthenticationFilter.class);
    http.csrf(
            c ->
                c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                    .requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken))
        // Scripts sign in with HTTP Basic on every request and get no session; browsers sign in
        // with the form and keep a session cookie (server.servlet.session.timeout).
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .requestCache(r -> r.requestCache(new NullRequestCache()))
        // The pages load only their own scripts and styles (no inline code), so an injected
        // script or a framing site gets nothing to run.
        .headers(
            h ->
                h.contentSecurityPolicy(
                    c ->
                        c.policyDirectives(
                            "default-src 'self'; img-src 'self' data: blob:; object-src 'none';"
                                + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'")))
        .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
        .formLogin(
            f ->
                f.loginPage("/login.html")
                    .loginProcessingUrl("/login")
                    .defaultSuccessUrl("/", true)
                    .failureUrl("/login.html?error"))
        .logout(
            l ->
                l.logoutUrl("/logout")
                    .logoutSuccessUrl("/login.html?signed-out")
                    .deleteCookies("JSESSIONID"))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(entryPoint, SecurityConfig::isApi)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login.html"), r -> true)
                    .accessDeniedHandler(entryPoint))
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
                    .requestMatchers(HttpMethod.GET, "/api/v1/session/csrf")
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    // Probes carry no credentials; they get the status only (show-details).
                    .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                    .hasAnyRole("MINISTRY", "AUDITOR")
                    .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                    .permitAll()
                    // The pages and their scripts hold no data: every figure comes from the API.
                    .requestMatchers(
                        HttpMethod.GET,
                        "/",
                        "/index.html",
                        "/login.html",
                        "/app/**",
                        "/favicon.ico")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/registrations")
                    .hasAnyRole("STATE", "DISTRICT")
                    .requestMatchers("/api/v1/uploads/**")
                    .hasAnyRole("STATE", "DISTRICT")
                    .requestMatchers("/api/v1/tracing/**")
                    .hasRole("HEALTH")
                    .requestMatchers(HttpMethod.POST, "/api/v1/persons/*/erasure")
                    .hasAnyRole("STATE", "MINISTRY")
                    .requestMatchers("/api/v1/audit/**")
                    .hasRole("AUDITOR")
                    .requestMatchers("/api/**")
                    .authenticated()
                    .anyRequest()
                    .denyAll());
    return http.build();
  }

  /**
   * A request that changes something and rides a browser's session (or signs in with the form) must
   * carry the CSRF token; a request with HTTP Basic credentials cannot be forged by another site
   * (browsers do not add them on their own here) and one with neither has nobody to act for.
   */
  static boolean needsCsrfToken(HttpServletRequest request) {
    String method = request.getMethod();
    if (method.equals("GET")
        || method.equals("HEAD")
        || method.equals("OPTIONS")
        || method.equals("TRACE")) {
      return false;
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    return request.getRequestedSessionId() != null
        || "/login".equals(request.getServletPath())
        || "/logout".equals(request.getServletPath());
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getServletPath().startsWith("/api/")
        || request.getServletPath().startsWith("/v3/")
        || request.getServletPath().startsWith("/actuator/");
  }

  /** The sign-in filter runs inside the security chain only, not again as a servlet filter. */
  @Bean
  FilterRegistrationBean<SignInAttempts> signInAttemptsOutsideTheChain(SignInAttempts signIns) {
    FilterRegistrationBean<SignInAttempts> r = new FilterRegistrationBean<>(signIns);
    r.setEnabled(false);
    return r;
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
