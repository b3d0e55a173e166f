package io.caravan.generator.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.generator.Diagnostic;
import java.util.List;
import java.util.Set;

/**
 * Argo's checks of a {@code tls} block and a {@code sasl} block (inventory §1.4, §6), for the
 * sources and triggers that take them.
 */
public final class TlsSaslRules {
  static final Set<String> SASL_MECHANISMS =
      Set.of("", "PLAIN", "OAUTHBEARER", "SCRAM-SHA-256", "SCRAM-SHA-512", "GSSAPI");

  private TlsSaslRules() {}

  /**
   * A {@code tls} block: nothing to check when absent, {@code enabled} or {@code
   * insecureSkipVerify}; otherwise it needs a CA certificate, or a client certificate and key, or
   * both, and never one of the client pair alone.
   */
  public static void tls(String path, JsonNode tls, List<Diagnostic> out) {
    if (tls == null || tls.isNull() || tls.isMissingNode()) {
      return;
    }
    if (!tls.isObject()) {
      out.add(Diagnostic.error(path, "tls must be an object"));
      return;
    }
    if (tls.path("enabled").asBoolean(false) || tls.path("insecureSkipVerify").asBoolean(false)) {
      return;
    }
    boolean ca = present(tls, "caCertSecret");
    boolean cert = present(tls, "clientCertSecret");
    boolean key = present(tls, "clientKeySecret");
    if (!ca && !cert && !key) {
      out.add(
          Diagnostic.error(
              path,
              "invalid tls config, please configure either caCertSecret, or clientCertSecret and clientKeySecret, or both"));
    } else if (cert != key) {
      out.add(
          Diagnostic.error(
              path + (cert ? ".clientKeySecret" : ".clientCertSecret"),
              "invalid tls config, both clientCertSecret and clientKeySecret need to be configured"));
    }
  }

  /**
   * A {@code sasl} block: a known mechanism (empty means the client's default) and both secrets.
   */
  public static void sasl(String path, JsonNode sasl, List<Diagnostic> out) {
    if (sasl == null || sasl.isNull() || sasl.isMissingNode()) {
      return;
    }
    if (!sasl.isObject()) {
      out.add(Diagnostic.error(path, "sasl must be an object"));
      return;
    }
    String mechanism = sasl.path("mechanism").asText("");
    if (!SASL_MECHANISMS.contains(mechanism)) {
      out.add(
          Diagnostic.error(
              path + ".mechanism",
              "invalid sasl config. Possible values for SASL Mechanism are "
                  + "`OAUTHBEARER`, `PLAIN`, `SCRAM-SHA-256`, `SCRAM-SHA-512` and `GSSAPI`, not '"
                  + mechanism
                  + "'"));
    }
    if (!present(sasl, "userSecret") || !present(sasl, "passwordSecret")) {
      out.add(
          Diagnostic.error(
              path, "invalid sasl config, both userSecret and passwordSecret must be defined"));
    }
  }

  private static boolean present(JsonNode block, String field) {
    JsonNode value = block.get(field);
    return value != null && !value.isNull() && !(value.isObject() && value.isEmpty());
  }
}
