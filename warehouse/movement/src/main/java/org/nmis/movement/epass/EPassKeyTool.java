package org.nmis.movement.epass;

import java.security.KeyPair;
import java.security.PublicKey;

/**
 * Command-line help for the e-pass keys. {@code generate} prints a new key pair; {@code public
 * <private key>} prints the public key (base64 X.509 and JWK) of a configured private key, to
 * publish to station checkers.
 */
public final class EPassKeyTool {
  private EPassKeyTool() {}

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals("generate")) {
      KeyPair pair = EPassKeys.generate();
      System.out.println(
          "# Keep the private key secret (a secret store); publish the public key and the JWK.");
      System.out.println("private-key=" + EPassKeys.encode(pair.getPrivate()));
      printPublic(pair.getPublic());
    } else if (args.length == 2 && args[0].equals("public")) {
      printPublic(EPassKeys.derivePublicKey(EPassKeys.privateKey(args[1])));
    } else {
      System.err.println(
          "usage: EPassKeyTool generate | EPassKeyTool public <base64 PKCS#8 private key>");
      System.exit(2);
    }
  }

  private static void printPublic(PublicKey key) {
    System.out.println("public-key=" + EPassKeys.encode(key));
    System.out.println("jwk=" + EPassKeys.jwk(key));
  }
}
