package org.nmis.api.sms;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The Twilio SDK's HTTP client with every automatic retry off: the SDK retries 5xx answers three
 * times and Apache HttpClient retries 429 and 503, so one {@code Message.creator(...).create()}
 * could send up to six messages (seen against a stub, STACK.md). Here one call is one request; the
 * outbox decides what to do next. {@code baseUrl}, when set, sends the requests to a
 * Twilio-compatible stub instead of {@code https://*.twilio.com} (the demo and the tests).
 */
final class OneShotHttpClient extends NetworkHttpClient {
  private final String baseUrl;

  /**
   * Time-outs are the SDK's own (10 s to connect, 30 s for an answer), which it sets per request.
   */
  OneShotHttpClient(String baseUrl) {
    super(HttpClientBuilder.create().disableAutomaticRetries());
    this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
  }

  @Override
  public Response reliableRequest(Request request) {
    return makeRequest(baseUrl.isEmpty() ? request : redirected(request));
  }

  private Request redirected(Request r) {
    String url = r.getUrl().replaceFirst("^https://[a-z0-9.-]+\\.twilio\\.com", baseUrl);
    Request copy = new Request(r.getMethod(), url);
    copy.setAuth(r.getUsername(), r.getPassword());
    copy(r.getPostParams(), copy::addPostParam);
    copy(r.getQueryParams(), copy::addQueryParam);
    copy(r.getHeaderParams(), copy::addHeaderParam);
    return copy;
  }

  private static void copy(
      Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
    params.forEach((k, values) -> values.forEach(v -> add.accept(k, v)));
  }
}
