package io.caravan.routes.source.stripe;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/** {@code caravan run}'s line for a stripe event: the endpoint, its registration and checks. */
public final class StripeSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "stripe-source";
  }

  @Override
  public String heading() {
    return "Stripe webhooks";
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
    String registered =
        hookUrl != null && parameters.get("apiKey") != null
            ? "registered as " + hookUrl
            : "not registered";
    String signed = parameters.get("signingSecret") != null ? ", signed" : ", unsigned";
    return url + " (" + registered + signed + ")";
  }
}
