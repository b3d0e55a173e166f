package io.caravan.generator.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.common.SecretKeySelector;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.SecretRefs;
import java.util.List;
import java.util.Map;

/**
 * The connection settings the redis and redisStream sources share ({@code hostAddress}, {@code db},
 * {@code username}, {@code password}, {@code tls}): Argo's checks and the flat Kamelet parameters
 * ({@code hostAddress}, {@code db}, {@code username}, {@code passwordSecret} as a {@code name/key}
 * reference, and the {@link TlsParameters}).
 */
public final class RedisConnectionParameters {
  private RedisConnectionParameters() {}

  /** Argo's checks: a host address, a complete password reference, the TLS block. */
  public static void check(
      String path,
      String hostAddress,
      SecretKeySelector password,
      JsonNode tls,
      List<Diagnostic> out) {
    if (hostAddress == null || hostAddress.isEmpty()) {
      out.add(Diagnostic.error(path + ".hostAddress", "host address must be specified"));
    }
    SecretRefs.check(path + ".password", password, out);
    TlsSaslRules.tls(path + ".tls", tls, out);
  }

  /** Puts the connection parameters; false (with an error) when one of them cannot be written. */
  public static boolean put(
      Map<String, Object> parameters,
      String path,
      String hostAddress,
      Integer db,
      String username,
      SecretKeySelector password,
      JsonNode tls,
      Diagnostics diagnostics) {
    if (hostAddress == null || hostAddress.isEmpty()) {
      diagnostics.error(path + ".hostAddress", "host address must be specified");
      return false;
    }
    parameters.put("hostAddress", hostAddress);
    parameters.put("db", db == null ? 0 : db);
    if (username != null && !username.isEmpty()) {
      parameters.put("username", username);
    }
    if (password != null) {
      String reference = SecretRefs.reference(password, path + ".password", diagnostics);
      if (reference == null) {
        return false;
      }
      parameters.put("passwordSecret", reference);
    }
    return TlsParameters.put(parameters, tls, path + ".tls", diagnostics);
  }
}
