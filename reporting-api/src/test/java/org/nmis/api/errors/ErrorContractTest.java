package org.nmis.api.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nmis.model.errors.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one error contract: every error enum of the product implements ProblemType, codes are unique
 * across all of them, each maps to a real 4xx or 5xx status, and the web layer writes no code as a
 * literal.
 */
class ErrorContractTest {
  /** Audit outcomes that are not error codes, although one reads like ApiError.NOT_FOUND. */
  private static final Set<String> AUDIT_OUTCOMES = Set.of("OK", "NOT_FOUND");

  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  @Test
  void everyErrorEnumIsFoundAndItsCodesAreUnique() {
    Map<String, String> owner = new HashMap<>();
    List<String> duplicates = new ArrayList<>();
    for (ProblemType error : allErrors()) {
      String where = error.getClass().getSimpleName() + "." + error.name();
      String before = owner.putIfAbsent(error.code(), where);
      if (before != null) {
        duplicates.add(error.code() + " (" + before + ", " + where + ")");
      }
      HttpStatus status = HttpStatus.resolve(error.httpStatus());
      assertTrue(status != null && (status.is4xxClientError() || status.is5xxServerError()), where);
      assertTrue(!error.title().isBlank(), where);
    }
    assertEquals(List.of(), duplicates, "every code names one error");
    Set<String> enums = new TreeSet<>();
    allErrors().forEach(e -> enums.add(e.getClass().getSimpleName()));
    assertEquals(
        Set.of(
            "ApiError", "ErrorCode", "MovementError", "SqlError", "TracingError", "UploadProblem"),
        enums,
        "the error enums of the product");
  }

  /** Spring's multipart limit fires before any upload code: still 413 with the uploads' code. */
  @Test
  void aFileOverTheMultipartLimitIs413WithTheUploadsCode() {
    var answer =
        new ProblemHandler()
            .tooLarge(
                new org.springframework.web.multipart.MaxUploadSizeExceededException(
                    200L * 1024 * 1024),
                new org.springframework.mock.web.MockHttpServletRequest("POST", "/api/v1/uploads"));
    assertEquals(413, answer.getStatusCode().value());
    assertEquals("NMIS-UPL-004", answer.getBody().getProperties().get("code"));
    assertTrue(
        answer.getBody().getDetail().startsWith("the file is larger than 200 MB"),
        answer.getBody().getDetail());
  }

  @Test
  void warmingUpSaysWhenToAskAgain() {
    var answer =
        new ProblemHandler()
            .api(
                new ApiException(ApiError.WARMING_UP, "warming up"),
                new org.springframework.mock.web.MockHttpServletRequest(
                    "GET", "/api/v1/persons/X"));
    assertEquals(503, answer.getStatusCode().value());
    assertEquals("5", answer.getHeaders().getFirst("Retry-After"));
    assertEquals("WARMING_UP", answer.getBody().getProperties().get("code"));
  }

  @Test
  void aProblemBodyCarriesTheCodeStatusAndTitle() {
    ProblemDetail p =
        ProblemHandler.problem(ApiError.PERSON_NOT_FOUND, "no person X", "/api/v1/persons/X");
    assertEquals(404, p.getStatus());
    assertEquals("Person not found", p.getTitle());
    assertEquals("https://nmis.example/problems/PERSON_NOT_FOUND", p.getType().toString());
    assertEquals("PERSON_NOT_FOUND", p.getProperties().get("code"));
  }

  @Test
  void aClientThatClosedTheConnectionIsToldApartFromAFailure() {
    assertTrue(
        ProblemHandler.clientWentAway(new IllegalStateException(new IOException("Broken pipe"))));
    assertTrue(ProblemHandler.clientWentAway(new IOException("Connection reset by peer")));
    assertTrue(!ProblemHandler.clientWentAway(new IOException("No space left on device")));
    assertTrue(!ProblemHandler.clientWentAway(new IllegalStateException("boom")));
  }

  @Test
  void theWebLayerWritesNoErrorCodeAsALiteral() throws IOException {
    Set<String> codes = new TreeSet<>();
    allErrors().forEach(e -> codes.add(e.code()));
    codes.removeAll(AUDIT_OUTCOMES);
    List<String> found = new ArrayList<>();
    Path root = Path.of("src/main/java/org/nmis/api");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (f.startsWith(root.resolve("errors"))) {
          continue; // the enums themselves
        }
        Matcher m = STRING_LITERAL.matcher(Files.readString(f));
        while (m.find()) {
          if (codes.contains(m.group(1))) {
            found.add(root.relativize(f) + ": \"" + m.group(1) + "\"");
          }
        }
      }
    }
    assertEquals(
        List.of(), found, "name the enum constant instead (ApiError.X, TracingError.X, ...)");
  }

  private static List<ProblemType> allErrors() {
    List<ProblemType> out = new ArrayList<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.nmis")) {
      if (c.isEnum() && c.isAssignableTo(ProblemType.class)) {
        for (Object constant : c.reflect().getEnumConstants()) {
          out.add((ProblemType) constant);
        }
      }
    }
    return out;
  }
}
