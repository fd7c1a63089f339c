package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nmis.model.registration.Field;
import org.nmis.model.testing.RegistrationFixtures;

/**
 * The planners' notebooks (notebooks/*.ipynb), executed against the running service with {@code
 * jupyter nbconvert --execute} as a planner would run them: through the API, with a user and
 * password from the environment. Each notebook asserts something about its data, so one that runs
 * but shows nothing fails; the executed copies are kept in target/notebooks.
 */
class NotebooksIT extends ApiTestBase {
  private static final Path NOTEBOOKS = Path.of("..", "notebooks");
  private static final Path OUT = Path.of("target", "notebooks");

  @Test
  void everyNotebookRunsGreenAgainstTheService() throws Exception {
    List<String> ids =
        registerAs(
            "mh-state",
            "mh-demo",
            traveller("NB-1", "7300000001", "2"),
            traveller("NB-2", "7300000002", "0"));
    manifestTrain(ids, "05201"); // accepted with quarantine places, and seated
    platform.awaitFlowsCaughtUp();
    platform.awaitMovementLanded();
    assertEquals(
        200,
        post(
                "/api/v1/forecasts/run",
                "{\"as_of\": \"" + LocalDate.now(ZoneId.of("Asia/Kolkata")) + "\"}",
                "ministry",
                "ministry-demo")
            .statusCode());
    Files.createDirectories(OUT);
    List<Path> notebooks;
    try (var files = Files.list(NOTEBOOKS)) {
      notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertEquals(3, notebooks.size(), notebooks.toString());
    for (Path notebook : notebooks) {
      for (var cell : JSON.readTree(notebook.toFile()).get("cells")) {
        assertTrue(
            cell.path("outputs").isMissingNode() || cell.get("outputs").isEmpty(),
            notebook + " is committed with outputs: strip them (outputs are build output)");
      }
    }
    for (Path notebook : notebooks) {
      Path log = OUT.resolve(notebook.getFileName() + ".log");
      ProcessBuilder pb =
          new ProcessBuilder(
                  "jupyter-nbconvert",
                  "--to",
                  "notebook",
                  "--execute",
                  "--ExecutePreprocessor.timeout=300",
                  "--output-dir",
                  OUT.toString(),
                  notebook.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = pb.environment();
      // Debian's Python (with pandas, matplotlib and the kernel) before any other on the path.
      env.put("PATH", "/usr/bin:" + env.getOrDefault("PATH", ""));
      env.put("NMIS_URL", "http://127.0.0.1:" + port);
      env.put("NMIS_USER", "ministry");
      env.put("NMIS_PASSWORD", "ministry-demo");
      Process p = pb.start();
      assertTrue(p.waitFor(10, TimeUnit.MINUTES), notebook + " did not finish");
      assertEquals(0, p.exitValue(), notebook + ":\n" + Files.readString(log));
      assertTrue(Files.exists(OUT.resolve(notebook.getFileName())), "executed copy of " + notebook);
    }
  }

  private static org.nmis.model.registration.RegistrationInput traveller(
      String recordId, String mobile, String accompanying) {
    return RegistrationFixtures.ramFromPuneToGorakhpur()
        .set(Field.SOURCE_STATE_CODE, (String) null)
        .set(Field.SOURCE_RECORD_ID, recordId)
        .set(Field.MOBILE, mobile)
        .set(Field.AADHAAR, null)
        .set(Field.PERSONS_ACCOMPANYING, accompanying)
        .set(Field.GROUP_REF, null)
        .set(Field.TRAVEL_DATE, TRAVEL.toString())
        .build();
  }
}
