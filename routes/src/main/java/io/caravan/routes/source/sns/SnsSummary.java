package io.caravan.routes.source.sns;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/** {@code caravan run}'s line for an sns event: the endpoint and the topic it is subscribed to. */
public final class SnsSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "sns-source";
  }

  @Override
  public String heading() {
    return "AWS SNS subscriptions";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    String endpoint = String.valueOf(parameters.getOrDefault("endpoint", "/"));
    String scheme = parameters.get("serverCertSecret") != null ? "https" : "http";
    String url =
        scheme
            + "://localhost:"
            + parameters.get("port")
            + (endpoint.startsWith("/") ? endpoint : "/" + endpoint);
    Object hookUrl = parameters.get("hookUrl");
    String subscription = hookUrl == null ? "not subscribed" : "subscribed as " + hookUrl;
    String signed =
        Boolean.parseBoolean(String.valueOf(parameters.get("validateSignature")))
            ? ", signatures checked"
            : "";
    return url + " (" + parameters.get("topicArn") + ", " + subscription + signed + ")";
  }
}
