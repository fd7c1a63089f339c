package org.nmis.api.sms;

import com.twilio.security.RequestValidator;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * Twilio's callbacks to this service: where they go and whether one is genuine. A callback is
 * genuine when its {@code X-Twilio-Signature} is the HMAC-SHA1, under the account's auth token, of
 * the URL Twilio called and the posted parameters (the SDK's {@link RequestValidator}); the URL is
 * the configured public one, since behind a proxy the request's own URL differs from what Twilio
 * signed.
 */
public final class SmsCallbacks {
  static final String STATUS_PATH = "/api/v1/sms/status";
  static final String INBOUND_PATH = "/api/v1/sms/inbound";

  private final String statusUrl;
  private final RequestValidator validator;
  private final Environment env;

  SmsCallbacks(String statusUrl, String authToken, Environment env) {
    this.statusUrl = statusUrl == null ? "" : statusUrl.strip();
    this.validator =
        authToken == null || authToken.isBlank() ? null : new RequestValidator(authToken);
    this.env = env;
  }

  /** The URL of POST /api/v1/sms/status Twilio is given with each message. */
  public String statusUrl() {
    return statusUrl.isEmpty()
        ? "http://127.0.0.1:" + env.getProperty("local.server.port", "8080") + STATUS_PATH
        : statusUrl;
  }

  /** The URL of POST /api/v1/sms/inbound (replies, STOP): the status URL's sibling. */
  public String inboundUrl() {
    return statusUrl().replaceFirst("/status$", "/inbound");
  }

  /** Whether a callback to {@code url} with these parameters carries Twilio's signature. */
  public boolean genuine(String url, Map<String, String> params, String signature) {
    return validator != null && signature != null && validator.validate(url, params, signature);
  }
}
