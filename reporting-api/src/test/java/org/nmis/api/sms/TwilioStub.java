package org.nmis.api.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Twilio-compatible stub on loopback for the real SDK: answers the Messages resource (create and
 * list) as Twilio does, counts every POST it receives, and answers what a test scripts next (201 by
 * default, or 429, 503, 400 with a Twilio error code, or no answer within the client's time-out).
 */
final class TwilioStub implements AutoCloseable {
  /**
   * One scripted answer: an HTTP status with a Twilio error code; status 0 takes the message and
   * drops the connection without answering, as a network failure after the request would.
   */
  record Answer(int status, int code) {
    static Answer created() {
      return new Answer(201, 0);
    }

    static Answer lost() {
      return new Answer(0, 0);
    }
  }

  /** A message the stub took. */
  record Received(String sid, String to, String from, String body, String statusCallback) {}

  private final HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  final List<Received> received = new ArrayList<>();
  int posts;

  TwilioStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized void then(Answer answer) {
    script.add(answer);
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    if (!path.matches("/2010-04-01/Accounts/AC[0-9a-f]+/Messages\\.json")) {
      reply(x, 404, "{\"code\":20404,\"message\":\"not found\",\"status\":404}");
      return;
    }
    if (x.getRequestMethod().equals("POST")) {
      Answer a;
      synchronized (this) {
        posts++;
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
      if (a.status() == 0) {
        x.close(); // the message exists, but no answer reaches the client
        return;
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
    server.stop(0);
  }
}
