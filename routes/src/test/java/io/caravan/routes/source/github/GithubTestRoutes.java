package io.caravan.routes.source.github;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the github tests share: a route on the Kamelet, a payload and signatures. */
final class GithubTestRoutes {
  static final String SECRET = "gh-hook-s3cret";

  /** A push payload of acme/shop, keys deliberately out of order. */
  static final String PUSH =
      """
      {"ref":"refs/heads/main","after":"b1c2","repository":{"name":"shop","full_name":"acme/shop",
       "id":1296269,"owner":{"login":"acme"}},"commits":[{"id":"b1c2","message":"fix"}],
       "pusher":{"name":"alice"}}""";

  private GithubTestRoutes() {}

  /** A route from the github-source Kamelet to {@code mock:<id>}. */
  static String route(String id, int port, String extra) {
    return """
        - route:
            id: %s
            from:
              uri: kamelet:github-source
              parameters:
                port: "%d"
                endpoint: /%s
        %s
              steps:
                - to: mock:%s
        """
        .formatted(id, port, id, extra.indent(8).stripTrailing(), id);
  }

  /** {@code <prefix>=<hex>} of the body with the secret, computed here with javax.crypto. */
  static String sign(String algorithm, String prefix, String secret, String body) throws Exception {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
    return prefix
        + "="
        + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  static String sha256(String body) throws Exception {
    return sign("HmacSHA256", "sha256", SECRET, body);
  }
}
