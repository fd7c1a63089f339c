package org.nmis.api.status;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Answers 503 WARMING_UP (with Retry-After) to every endpoint that reads the serving indexes until
 * they have read their tables once since start: after a restart the service is up well before the
 * indexes are full, and a lookup then would say "not found" about a person who is there. The
 * readiness probe reports the same state ({@code servingIndexes}).
 */
@Configuration
public class WarmUpGate implements WebMvcConfigurer, HandlerInterceptor {
  /** The endpoints answered from the registration, tracing and flows indexes. */
  static final String[] INDEX_PATHS = {
    "/api/v1/persons/**", "/api/v1/tracing/**", "/api/v1/flows/**"
  };

  private final WarehouseStatus status;

  public WarmUpGate(WarehouseStatus status) {
    this.status = status;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns(INDEX_PATHS);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!status.servingReady()) {
      throw new ApiException(
          ApiError.WARMING_UP,
          "the service is warming up: its serving indexes are still reading the warehouse after a"
              + " start, so this answer could miss people who are registered. Ask again in a few"
              + " seconds; GET /actuator/health/readiness says when it is ready");
    }
    return true;
  }
}
