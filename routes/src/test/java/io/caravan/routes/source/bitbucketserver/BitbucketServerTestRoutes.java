package io.caravan.routes.source.bitbucketserver;

import io.caravan.routes.source.webhook.WebhookEventData;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the bitbucketserver tests share: a route on the Kamelet, payloads and signatures. */
final class BitbucketServerTestRoutes {
  static final String SECRET = "hook-s3cret";

  private BitbucketServerTestRoutes() {}

  /** A route from the bitbucketserver-source Kamelet to {@code mock:<id>}. */
  static String route(String id, int port, String extra) {
    return """
        - route:
            id: %s
            from:
              uri: kamelet:bitbucketserver-source
              parameters:
                port: "%d"
                endpoint: /%s
        %s
              steps:
                - to: mock:%s
        """
        .formatted(id, port, id, extra.indent(8).stripTrailing(), id);
  }

  /** {@code sha256=<hex>} of the body with the secret, computed here with javax.crypto. */
  static String sign(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** A repo:refs_changed payload of PRJ/app with a branch update, a tag and a branch deletion. */
  static final String REFS_CHANGED =
      """
      {"eventKey":"repo:refs_changed","date":"2026-12-07T10:00:00+0000",
       "actor":{"name":"alice","id":7},
       "repository":{"slug":"app","id":3,"name":"app","project":{"key":"PRJ","id":1}},
       "changes":[
        {"ref":{"id":"refs/heads/main","displayId":"main","type":"BRANCH"},"refId":"refs/heads/main",
         "fromHash":"a1","toHash":"b1","type":"UPDATE"},
        {"ref":{"id":"refs/tags/v1","displayId":"v1","type":"TAG"},"refId":"refs/tags/v1",
         "fromHash":"0000","toHash":"c1","type":"ADD"},
        {"ref":{"id":"refs/heads/feature","displayId":"feature","type":"BRANCH"},
         "refId":"refs/heads/feature","fromHash":"d1","toHash":"e1","type":"UPDATE"}
       ],
       "extra":{"kept":true}}""";

  static String canonical(String header) {
    return WebhookEventData.canonicalName(header);
  }
}
