package org.nmis.api.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Twilio-compatible stub on loopback for the real SDK (the demo's and the tests' dry run):
 * answers the Messages resource (create and list) as Twilio does, counts every POST it receives,
 * answers what a test scripts next (201 by default, or 429, 503, 400 with a Twilio error code, or
 * no answer within the client's time-out), and, like Twilio, posts signed status callbacks (sent,
 * then delivered; undelivered 30003 for the numbers it is told to fail) to each message's
 * StatusCallback URL.
 */
public final class TwilioStub implements AutoCloseable {
  /** The demo's and the tests' account: any SID-shaped value works against the stub. */
  public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

  public static final String AUTH_TOKEN = "stub-auth-token-not-a-secret";

  static {
    // Without it the JDK server writes headers and body in two packets, and Nagle's algorithm with
    // the client's delayed ACK holds each answer about 40 ms: the stub, not the sender, would set
    // the pace the benchmark measures.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /**
   * One scripted answer: an HTTP status with a Twilio error code; status 0 takes the message and
   * drops the connection without answering, as a network failure after the request would.
   */
  public record Answer(int status, int code) {
    public static Answer created() {
      return new Answer(201, 0);
    }

    public static Answer lost() {
      return new Answer(0, 0);
    }
  }

  /** A message the stub took. */
  public record Received(String sid, String to, String from, String body, String statusCallback) {}

  private final HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Received> received = new ArrayList<>();
  private final HttpClient callbacks = HttpClient.newHttpClient();
  private final ScheduledExecutorService receipts =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "twilio-stub-receipts");
            t.setDaemon(true);
            return t;
          });
  private final AtomicInteger callbacksPosted = new AtomicInteger();
  private volatile Predicate<String> fails = to -> false;
  private volatile long answerDelayMillis;
  private volatile int holdAt = -1;
  private final java.util.concurrent.CountDownLatch closed =
      new java.util.concurrent.CountDownLatch(1);
  private int posts;

  public TwilioStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /**
   * The real SDK gateway to a stub at {@code baseUrl} (this one, or one in another JVM), without
   * status callbacks, backing off 200 ms when throttled.
   */
  public static org.nmis.api.sms.TwilioGateway gatewayTo(String baseUrl) {
    return new org.nmis.api.sms.TwilioGateway(
        ACCOUNT_SID,
        AUTH_TOKEN,
        "+15005550006",
        "",
        null,
        baseUrl,
        java.time.Duration.ofMillis(200));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public synchronized void then(Answer answer) {
    script.add(answer);
  }

  /** Numbers whose messages end UNDELIVERED (30003, handset unreachable) in their receipts. */
  public TwilioStub failing(Predicate<String> to) {
    this.fails = to;
    return this;
  }

  /** Answers each create after this pause, as a slow network would (kill tests). */
  public TwilioStub answerAfter(long millis) {
    this.answerDelayMillis = millis;
    return this;
  }

  /**
   * Takes the {@code post}-th POST's message but never answers it (until closed): the client is
   * left waiting with the message created, the moment a kill test kills it.
   */
  public TwilioStub holdAt(int post) {
    this.holdAt = post;
    return this;
  }

  public synchronized int posts() {
    return posts;
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** Receipts posted to the service so far (each answered). */
  public int callbacksPosted() {
    return callbacksPosted.get();
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    if (!path.matches("/2010-04-01/Accounts/AC[0-9a-f]+/Messages\\.json")) {
      reply(x, 404, "{\"code\":20404,\"message\":\"not found\",\"status\":404}");
      return;
    }
    if (x.getRequestMethod().equals("POST")) {
      Answer a;
      boolean hold;
      synchronized (this) {
        posts++;
        hold = posts == holdAt;
        a = script.isEmpty() ? Answer.created() : script.poll();
      }
      Map<String, String> form =
          form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (a.status() != 201 && a.status() != 0) {
        reply(
            x,
            a.status(),
            "{\"code\":"
                + a.code()
                + ",\"message\":\"stub answered "
                + a.status()
                + "\",\"status\":"
                + a.status()
                + "}");
        return;
      }
      Received r;
      synchronized (this) {
        r =
            new Received(
                String.format("SM%032x", received.size() + 1),
                form.get("To"),
                form.get("From"),
                form.get("Body"),
                form.get("StatusCallback"));
        received.add(r);
      }
      if (r.statusCallback() != null) {
        receipts.schedule(() -> receipt(r, "sent", null), 50, TimeUnit.MILLISECONDS);
        boolean fail = r.to() != null && fails.test(r.to());
        receipts.schedule(
            () -> receipt(r, fail ? "undelivered" : "delivered", fail ? "30003" : null),
            150,
            TimeUnit.MILLISECONDS);
      }
      if (a.status() == 0) {
        x.close(); // the message exists, but no answer reaches the client
        return;
      }
      if (hold) {
        try {
          closed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      if (answerDelayMillis > 0) {
        try {
          Thread.sleep(answerDelayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      reply(x, 201, json(r, "queued"));
      return;
    }
    String to = form(x.getRequestURI().getRawQuery()).get("To");
    StringBuilder list = new StringBuilder("{\"messages\":[");
    synchronized (this) {
      for (int i = received.size() - 1; i >= 0; i--) {
        Received r = received.get(i);
        if (to == null || to.equals(r.to())) {
          list.append(list.charAt(list.length() - 1) == '[' ? "" : ",").append(json(r, "sent"));
        }
      }
    }
    list.append("],\"next_page_uri\":null,\"page\":0,\"page_size\":50}");
    reply(x, 200, list.toString());
  }

  /** Posts a status callback as Twilio does: form-encoded, signed with the auth token. */
  private void receipt(Received r, String status, String errorCode) {
    Map<String, String> params = new TreeMap<>();
    params.put("AccountSid", ACCOUNT_SID);
    params.put("ApiVersion", "2010-04-01");
    params.put("MessageSid", r.sid());
    params.put("SmsSid", r.sid());
    params.put("MessageStatus", status);
    params.put("SmsStatus", status);
    params.put("To", r.to());
    params.put("From", r.from() == null ? "" : r.from());
    if (errorCode != null) {
      params.put("ErrorCode", errorCode);
    }
    post(r.statusCallback(), params, signature(AUTH_TOKEN, r.statusCallback(), params));
  }

  /** Posts a form to the service with the given X-Twilio-Signature (null: none); the status. */
  public int post(String url, Map<String, String> params, String signature) {
    StringBuilder form = new StringBuilder();
    params.forEach(
        (k, v) ->
            form.append(form.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
    if (signature != null) {
      b.header("X-Twilio-Signature", signature);
    }
    try {
      int status = callbacks.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      callbacksPosted.incrementAndGet();
      return status;
    } catch (IOException e) {
      return -1; // the service is gone (a kill test): Twilio would retry; the stub does not
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * Twilio's request signature, computed here from its documented definition rather than with the
   * SDK, so the service's check is tested against an independent implementation: Base64 of
   * HMAC-SHA1, keyed by the auth token, of the URL followed by each POST parameter's name and value
   * in name order.
   */
  public static String signature(String authToken, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Received r, String status) {
    return "{\"sid\":\""
        + r.sid()
        + "\",\"account_sid\":\"AC00000000000000000000000000000000\",\"to\":\""
        + r.to()
        + "\",\"from\":\""
        + r.from()
        + "\",\"body\":\""
        + r.body().replace("\\", "\\\\").replace("\"", "\\\"")
        + "\",\"status\":\""
        + status
        + "\",\"num_segments\":\"1\",\"direction\":\"outbound-api\",\"api_version\":\"2010-04-01\"}";
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> out = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return out;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void reply(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    try {
      x.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException clientGone) {
      // the client timed out and closed the connection
    }
  }

  @Override
  public void close() {
    closed.countDown();
    receipts.shutdownNow();
    server.stop(0);
  }
}
