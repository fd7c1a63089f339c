package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nmis.model.registration.Field;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.uploads.testing.UploadSamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The published contract (/v3/api-docs): it names every endpoint the service serves, and the
 * answers keep to it: every key of an answer is a property its documented schema declares, at every
 * depth.
 */
class OpenApiIT extends ApiTestBase {
  @Autowired
  @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void theContractIsPublicAndNamesEveryEndpoint() throws Exception {
    JsonNode doc = contract();
    assertTrue(doc.get("openapi").asText().startsWith("3."), doc.get("openapi").asText());
    List<String> missing = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                  continue;
                }
                Set<RequestMethod> verbs = info.getMethodsCondition().getMethods();
                for (RequestMethod verb : verbs) {
                  JsonNode p = doc.path("paths").path(path);
                  if (p.path(verb.name().toLowerCase(Locale.ROOT)).isMissingNode()) {
                    missing.add(verb + " " + path);
                  }
                }
              }
            });
    assertEquals(List.of(), missing, "endpoints the contract does not name");
  }

  @Test
  void answersKeepToTheContract() throws Exception {
    JsonNode doc = contract();
    String id =
        register(
                RegistrationFixtures.ramFromPuneToGorakhpur()
                    .set(Field.SOURCE_STATE_CODE, (String) null)
                    .set(Field.SOURCE_RECORD_ID, "MH-OAS-1")
                    .set(Field.MOBILE, "7000000201")
                    .build())
            .get(0);
    conforms(
        doc,
        "get",
        "/api/v1/persons/{personId}",
        get("/api/v1/persons/" + id, "mh-state", "mh-demo"));
    conforms(
        doc,
        "get",
        "/api/v1/persons",
        get("/api/v1/persons?mobile=7000000201", "ministry", "ministry-demo"));
    conforms(doc, "get", "/api/v1/reference/states", get("/api/v1/reference/states", null, null));
    conforms(
        doc, "get", "/api/v1/flows", get("/api/v1/flows?level=state", "ministry", "ministry-demo"));
    conforms(
        doc,
        "post",
        "/api/v1/sql",
        post(
            "/api/v1/sql",
            "{\"sql\": \"SELECT origin_state_code, count(*) AS n FROM registrations GROUP BY 1\"}",
            "ministry",
            "ministry-demo"));
    conforms(
        doc,
        "get",
        "/api/v1/tracing/persons",
        get("/api/v1/tracing/persons?person_id=" + id + "&purpose=OAS-1", "health", "health-demo"));
  }

  @Test
  void workflowUploadAndBulkAnswersKeepToTheContract() throws Exception {
    JsonNode doc = contract();
    List<String> ids = registerTwoTravellers("MH-OAS-T", "7000000202", "7000000203", "Geeta Devi");
    String request = manifestTrain(ids, "04997");
    String at = "/api/v1/movement/requests/";
    conforms(doc, "get", at + "{id}", get(at + request, "mh-state", "mh-demo"));
    conforms(
        doc,
        "get",
        "/api/v1/movement/requests",
        get("/api/v1/movement/requests", "mh-state", "mh-demo"));
    conforms(doc, "get", at + "{id}/events", get(at + request + "/events", "up-state", "up-demo"));
    conforms(
        doc,
        "get",
        at + "{id}/manifest",
        get(at + request + "/manifest", "railways", "railways-demo"));
    conforms(
        doc,
        "get",
        "/api/v1/epasses/{personId}",
        get("/api/v1/epasses/" + ids.get(0), "railways", "railways-demo"));

    String row =
        String.join(
            ",", UploadSamples.row(1).stream().map(v -> v == null ? "" : v.toString()).toList());
    HttpResponse<String> upload =
        upload(
            "sheet.csv",
            (UploadSamples.HEADER + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8),
            "mh-state",
            "mh-demo");
    conforms(doc, "post", "/api/v1/uploads", upload);
    conforms(
        doc,
        "get",
        "/api/v1/uploads/{id}",
        get("/api/v1/uploads/" + json(upload).get("upload_id").asText(), "mh-state", "mh-demo"));

    conforms(
        doc,
        "get",
        "/api/v1/tracing/persons/{personId}/contacts",
        get(
            "/api/v1/tracing/persons/" + ids.get(0) + "/contacts?purpose=OAS-2",
            "health",
            "health-demo"));
    HttpResponse<String> bulk =
        post(
            "/api/v1/tracing/bulk",
            "{\"index_cases\": [\"7000000202\"], \"purpose\": \"OAS-2\"}",
            "health",
            "health-demo");
    conforms(doc, "post", "/api/v1/tracing/bulk", bulk);
    String job = "/api/v1/tracing/bulk/" + json(bulk).get("job_id").asText();
    HttpResponse<String> status = get(job, "health", "health-demo");
    for (int i = 0; i < 100 && json(status).get("state").asText().equals("RUNNING"); i++) {
      Thread.sleep(200);
      status = get(job, "health", "health-demo");
    }
    conforms(doc, "get", "/api/v1/tracing/bulk/{id}", status);
    conforms(
        doc,
        "get",
        "/api/v1/tracing/bulk/{id}/districts",
        get(job + "/districts", "health", "health-demo"));
  }

  private JsonNode contract() throws Exception {
    HttpResponse<String> answer = get("/v3/api-docs", null, null);
    assertEquals(200, answer.statusCode(), answer.body());
    return json(answer);
  }

  /**
   * The successful answer's keys, at every depth, are properties the schema documented for its
   * status declares.
   */
  private static void conforms(JsonNode doc, String verb, String path, HttpResponse<String> answer)
      throws Exception {
    int status = answer.statusCode();
    assertTrue(status / 100 == 2, verb + " " + path + ": " + status + " " + answer.body());
    JsonNode content =
        doc.path("paths")
            .path(path)
            .path(verb)
            .path("responses")
            .path(String.valueOf(status))
            .path("content");
    assertTrue(
        content.elements().hasNext(),
        verb + " " + path + ": the contract documents no " + status + " answer");
    JsonNode schema = content.elements().next().path("schema");
    List<String> undeclared = new ArrayList<>();
    int compared = check(doc, schema, json(answer), verb + " " + path, undeclared);
    assertEquals(List.of(), undeclared, "keys the contract does not declare");
    assertTrue(
        compared > 0, verb + " " + path + ": the contract declares no properties to compare");
  }

  /** How many objects of the answer were compared with declared properties. */
  private static int check(
      JsonNode doc, JsonNode schema, JsonNode value, String at, List<String> out) {
    JsonNode s = resolve(doc, schema);
    if (value.isArray()) {
      int n = 0;
      for (JsonNode v : value) {
        n += check(doc, s.path("items"), v, at + "[]", out);
      }
      return n;
    }
    if (!value.isObject() || !s.has("properties")) {
      return 0; // a scalar, or an open map (additionalProperties) the contract does not enumerate
    }
    Set<String> declared = new TreeSet<>();
    s.path("properties").fieldNames().forEachRemaining(declared::add);
    int n = 1;
    for (Map.Entry<String, JsonNode> e : value.properties()) {
      if (!declared.contains(e.getKey())) {
        out.add(at + "." + e.getKey());
      } else {
        n +=
            check(
                doc,
                s.path("properties").path(e.getKey()),
                e.getValue(),
                at + "." + e.getKey(),
                out);
      }
    }
    return n;
  }

  private static JsonNode resolve(JsonNode doc, JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      String name = s.get("$ref").asText().substring("#/components/schemas/".length());
      s = doc.path("components").path("schemas").path(name);
    }
    return s;
  }
}
