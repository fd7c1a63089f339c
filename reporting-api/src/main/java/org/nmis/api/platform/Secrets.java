package org.nmis.api.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keys come from configuration. Only the embedded default may make its own: a random key written
 * once under {data-dir}/keys (mode 600), so that a demo needs no set-up and still keeps IDs and
 * tokens stable across restarts.
 */
final class Secrets {
  private Secrets() {}

  static String resolve(
      String configured, Path dataDir, String name, boolean mayGenerate, String property) {
    return resolve(
        configured,
        dataDir,
        name,
        mayGenerate,
        property,
        () -> {
          byte[] random = new byte[32];
          new SecureRandom().nextBytes(random);
          return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        });
  }

  /**
   * As above, with the generator of a new key (for keys that are not random strings, such as
   * Ed25519).
   */
  static String resolve(
      String configured,
      Path dataDir,
      String name,
      boolean mayGenerate,
      String property,
      java.util.function.Supplier<String> generate) {
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    if (!mayGenerate) {
      throw new IllegalStateException(
          "NMIS-CFG-001: "
              + property
              + " is not set. Outside the embedded default"
              + " every deployment must provide its own key (environment or secret store), never one from the repo");
    }
    Path file = dataDir.resolve("keys").resolve(name + ".key");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      Files.createDirectories(file.getParent());
      String key = generate.get();
      Files.writeString(file, key, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("NMIS-CFG-002: cannot read or write " + file, e);
    }
  }
}
