package org.nmis.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.nmis.api.audit.Refusals;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ProblemAuthenticationEntryPoint;
import org.nmis.api.errors.ProblemHandler;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every sign-in, by HTTP Basic or the form, passes here first: a user name or address past the
 * limits of {@link SignInThrottle} is refused with 429 (the form goes back to the sign-in page)
 * before its password is even checked. Failures are counted and audited ({@code auth.failed}) as
 * Spring Security reports them; refusals are audited too ({@code auth.throttled}).
 */
@Component
public class SignInAttempts extends OncePerRequestFilter {
  private final SignInThrottle throttle;
  private final Refusals refusals;

  public SignInAttempts(SignInThrottle throttle, Refusals refusals) {
    this.throttle = throttle;
    this.refusals = refusals;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String username = attemptedUser(request);
    if (username != null) {
      SignInThrottle.Decision d = throttle.check(username, request.getRemoteAddr());
      if (!d.allowed()) {
        refusals.ofAttempt(
            username,
            request.getRemoteAddr(),
            "auth.throttled",
            request.getRequestURI(),
            ApiError.TOO_MANY_SIGN_IN_FAILURES.code());
        response.setHeader("Retry-After", String.valueOf(d.retryAfterSeconds()));
        if (isForm(request)) {
          response.sendRedirect("/login.html?throttled=" + d.retryAfterSeconds());
          return;
        }
        ProblemAuthenticationEntryPoint.write(
            response,
            ProblemHandler.problem(
                ApiError.TOO_MANY_SIGN_IN_FAILURES,
                d.reason()
                    + "; sign-in is refused for "
                    + d.retryAfterSeconds()
                    + " s, whatever the password. Check the user name and password before trying"
                    + " again",
                request.getRequestURI()));
        return;
      }
    }
    chain.doFilter(request, response);
  }

  @EventListener
  public void failed(AbstractAuthenticationFailureEvent e) {
    String address = address(e.getAuthentication().getDetails());
    throttle.failed(e.getAuthentication().getName(), address);
    refusals.ofAttempt(
        e.getAuthentication().getName(),
        address,
        "auth.failed",
        "",
        ApiError.UNAUTHENTICATED.code());
  }

  @EventListener
  public void succeeded(AuthenticationSuccessEvent e) {
    throttle.succeeded(e.getAuthentication().getName());
  }

  private static String address(Object details) {
    return details instanceof WebAuthenticationDetails w ? w.getRemoteAddress() : null;
  }

  private static boolean isForm(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
  }

  /** The user name a request signs in with, if it signs in at all. */
  static String attemptedUser(HttpServletRequest request) {
    if (isForm(request)) {
      return request.getParameter("username");
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
