package io.caravan.routes.support.nats;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.support.secrets.SecretStore;
import io.nats.client.AuthHandler;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.charset.StandardCharsets;

/**
 * Argo's {@code NATSAuth} block (the nats source and the nats trigger) with its secret values read:
 * basic ({@code username}, {@code password}), {@code token}, {@code nkey} (a seed) or {@code
 * credential} (a creds file's content); as in Argo, the first of those that is set is used. Values
 * never appear in {@link #toString()}; equal blocks are equal, so connections can be shared by
 * credentials.
 */
public record NatsAuth(
    String user, String password, String token, String nkeySeed, String credential) {
  public static final NatsAuth NONE = new NatsAuth(null, null, null, null, null);

  /** Reads the block ({@code null} → {@link #NONE}); {@code where} names it in errors. */
  public static NatsAuth read(JsonNode auth, SecretStore secrets, String where) {
    if (auth == null || auth.isNull() || auth.isMissingNode()) {
      return NONE;
    }
    JsonNode basic = auth.get("basic");
    if (basic != null && !basic.isNull()) {
      return new NatsAuth(
          SecretRefs.required(secrets, basic.get("username"), where + ".basic.username"),
          SecretRefs.required(secrets, basic.get("password"), where + ".basic.password"),
          null,
          null,
          null);
    }
    if (present(auth, "token")) {
      return new NatsAuth(
          null,
          null,
          SecretRefs.required(secrets, auth.get("token"), where + ".token"),
          null,
          null);
    }
    if (present(auth, "nkey")) {
      return new NatsAuth(
          null, null, null, SecretRefs.required(secrets, auth.get("nkey"), where + ".nkey"), null);
    }
    if (present(auth, "credential")) {
      return new NatsAuth(
          null,
          null,
          null,
          null,
          SecretRefs.required(secrets, auth.get("credential"), where + ".credential"));
    }
    return NONE;
  }

  private static boolean present(JsonNode block, String field) {
    JsonNode value = block.get(field);
    return value != null && !value.isNull();
  }

  /** Sets the credentials on a jnats options builder; {@code where} names the block in errors. */
  public void applyTo(Options.Builder options, String where) {
    if (user != null) {
      options.userInfo(user, password);
    } else if (token != null) {
      options.token(token.trim().toCharArray());
    } else if (nkeySeed != null) {
      options.authHandler(nkeyHandler(nkeySeed.trim(), where));
    } else if (credential != null) {
      options.authHandler(Nats.staticCredentials(credential.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static AuthHandler nkeyHandler(String seed, String where) {
    NKey key = NKey.fromSeed(seed.toCharArray());
    return new AuthHandler() {
      @Override
      public byte[] sign(byte[] nonce) {
        try {
          return key.sign(nonce);
        } catch (Exception e) {
          throw new IllegalStateException(where + ".nkey: cannot sign with the nkey seed", e);
        }
      }

      @Override
      public char[] getID() {
        try {
          return key.getPublicKey();
        } catch (Exception e) {
          throw new IllegalStateException(where + ".nkey: not a valid nkey seed", e);
        }
      }

      @Override
      public char[] getJWT() {
        return null;
      }
    };
  }

  @Override
  public String toString() {
    return "NatsAuth[basic="
        + (user != null)
        + ", token="
        + (token != null)
        + ", nkey="
        + (nkeySeed != null)
        + ", credential="
        + (credential != null)
        + "]";
  }
}
