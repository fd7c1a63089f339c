package org.nmis.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 as problem bodies, like every other error of the API. */
@Component
public class ProblemAuthenticationEntryPoint
    implements AuthenticationEntryPoint,
        AccessDeniedHandler,
        org.springframework.security.web.firewall.RequestRejectedHandler {
  private final org.nmis.api.audit.Refusals refusals;

  public ProblemAuthenticationEntryPoint(org.nmis.api.audit.Refusals refusals) {
    this.refusals = refusals;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    // The dashboard's own calls say so: a Basic challenge would make the browser ask for a
    // password in its own dialog instead of the page sending the user to the sign-in form.
    if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"nmis\"");
    }
    write(
        response,
        ProblemHandler.problem(
            ApiError.UNAUTHENTICATED,
            "sign in with HTTP Basic, or with the form at /login.html in a browser (a user of"
                + " nmis.security.users; demo users are listed in README.md)",
            request.getRequestURI()));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    // A signed-in user asking for what their role may not have: audited, like any read.
    var auth =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof org.nmis.api.security.NmisUser user) {
      refusals.of(
          user,
          "access.denied",
          java.util.Map.of("method", request.getMethod(), "path", request.getRequestURI()),
          ApiError.FORBIDDEN.code());
    }
    write(
        response,
        ProblemHandler.problem(
            ApiError.FORBIDDEN, "your role may not use this endpoint", request.getRequestURI()));
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * A URL the firewall refuses (a "//", "..", an encoded slash or a control character): a problem
   * body like every other error, instead of the servlet container's error page.
   */
  @Override
  public void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      org.springframework.security.web.firewall.RequestRejectedException e)
      throws IOException {
    write(
        response,
        ProblemHandler.problem(
            ApiError.URL_REJECTED,
            "the URL is not in normal form (no '//', '..', encoded slashes or control characters);"
                + " send it without them",
            "/"));
  }

  /** Writes a problem body from a filter, where no exception handler runs. */
  public static void write(HttpServletResponse response, ProblemDetail p) throws IOException {
    response.setStatus(p.getStatus());
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("type", String.valueOf(p.getType()));
    body.put("title", p.getTitle());
    body.put("status", p.getStatus());
    body.put("detail", p.getDetail());
    body.put("instance", String.valueOf(p.getInstance()));
    body.put("code", p.getProperties() == null ? null : p.getProperties().get("code"));
    // Jackson, not concatenation: the instance is the request's path, which the caller chose.
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
