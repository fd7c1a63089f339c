package org.nmis.warehouse.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes a directory unwritable and writable again, for fault tests of storage that refuses writes:
 * by its mode, or for root (whom modes do not stop) by the immutable attribute. Fails when neither
 * works here, rather than testing nothing.
 */
public final class Writability {
  private Writability() {}

  public static void set(Path dir, boolean writable) throws IOException, InterruptedException {
    boolean root = "root".equals(System.getProperty("user.name"));
    List<String> cmd =
        root
            ? List.of("chattr", writable ? "-i" : "+i", dir.toString())
            : List.of("chmod", writable ? "u+w" : "a-w", dir.toString());
    int exit = new ProcessBuilder(cmd).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " exited with " + exit);
    }
    if (!writable) {
      try {
        Files.delete(Files.createFile(dir.resolve("probe")));
      } catch (IOException refused) {
        return; // unwritable, as asked
      }
      throw new IllegalStateException(
          "cannot make " + dir + " unwritable here (" + String.join(" ", cmd) + " had no effect)");
    }
  }
}
