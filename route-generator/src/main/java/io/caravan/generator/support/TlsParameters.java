package io.caravan.generator.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.generator.Diagnostics;
import java.util.List;
import java.util.Map;

/**
 * A {@code tls} block of a broker source as flat Kamelet parameters: {@code tls=true}, {@code
 * tlsCaCertSecret}, {@code tlsClientCertSecret}, {@code tlsClientKeySecret} (secret references
 * {@code name/key}) and {@code tlsInsecureSkipVerify}.
 */
public final class TlsParameters {
  private TlsParameters() {}

  /**
   * A tls block as flat parameters: {@code tls=true}, its secret references and {@code
   * insecureSkipVerify}.
   */
  public static boolean put(
      Map<String, Object> parameters, JsonNode tls, String path, Diagnostics diagnostics) {
    if (tls == null || tls.isNull() || !tls.isObject()) {
      return true;
    }
    boolean ok = true;
    for (String field : List.of("caCertSecret", "clientCertSecret", "clientKeySecret")) {
      JsonNode selector = tls.get(field);
      if (selector != null && !selector.isNull()) {
        String name = selector.path("name").asText("");
        String key = selector.path("key").asText("");
        if (name.isEmpty() || key.isEmpty()) {
          diagnostics.error(path + "." + field, "a secret reference needs both name and key");
          ok = false;
        } else {
          parameters.put(
              "tls" + Character.toUpperCase(field.charAt(0)) + field.substring(1),
              name + "/" + key);
        }
      }
    }
    if (parameters.containsKey("tlsClientCertSecret")
        != parameters.containsKey("tlsClientKeySecret")) {
      diagnostics.error(
          path
              + (parameters.containsKey("tlsClientCertSecret")
                  ? ".clientKeySecret"
                  : ".clientCertSecret"),
          "invalid tls config, both clientCertSecret and clientKeySecret need to be configured");
      ok = false;
    }
    parameters.put("tls", true);
    if (tls.path("insecureSkipVerify").asBoolean(false)) {
      parameters.put("tlsInsecureSkipVerify", true);
    }
    return ok;
  }
}
