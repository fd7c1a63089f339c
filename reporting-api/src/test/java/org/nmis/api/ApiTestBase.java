package org.nmis.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.model.testing.RegistrationFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on its embedded default (real broker, Spark, Delta files) for the API's integration tests.
 * Every test class extending this shares one running service (Spring caches the context), so the data directory
 * is created once per JVM rather than per class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApiTestBase {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path DATA_DIR = tempDir();

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired WarehousePlatform platform;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) {
    r.add("nmis.data-dir", DATA_DIR::toString);
    r.add("nmis.kafka.embedded-port", () -> "0");
    r.add("nmis.kafka.partitions", () -> "4");
    r.add("nmis.privacy.aadhaar-key", () -> RegistrationFixtures.TEST_AADHAAR_KEY);
    r.add("nmis.ids.key", () -> RegistrationFixtures.TEST_ID_KEY);
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("nmis-api-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpResponse<String> get(String path, String user, String password) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET(), user, password);
  }

  HttpResponse<String> post(String path, String json, String user, String password) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), user, password);
  }

  HttpResponse<String> send(HttpRequest.Builder b, String user, String password) throws Exception {
    return send(b, user, password, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  <T> HttpResponse<T> send(HttpRequest.Builder b, String user, String password, HttpResponse.BodyHandler<T> body)
      throws Exception {
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), body);
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
