package org.nmis.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * HTTP calls to a running service on loopback, signed in with Basic credentials: the integration
 * tests' client, whether the service runs in the test's JVM or as its own process.
 */
final class ApiClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final IntSupplier port;

  /** The port is asked for at each call: a test's server port is known only once it runs. */
  ApiClient(IntSupplier port) {
    this.port = port;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port.getAsInt() + path);
  }

  HttpResponse<String> get(String path, String user, String password) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET(), user, password);
  }

  HttpResponse<String> post(String path, String json, String user, String password)
      throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)),
        user,
        password);
  }

  /** POSTs a file to /api/v1/uploads as a multipart form, as a browser or curl -F would. */
  HttpResponse<String> upload(String name, byte[] content, String user, String password)
      throws Exception {
    String boundary = "nmis-" + UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return send(
        HttpRequest.newBuilder(uri("/api/v1/uploads"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        user,
        password);
  }

  HttpResponse<String> send(HttpRequest.Builder b, String user, String password) throws Exception {
    return send(b, user, password, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  <T> HttpResponse<T> send(
      HttpRequest.Builder b, String user, String password, HttpResponse.BodyHandler<T> body)
      throws Exception {
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), body);
  }
}
