package io.caravan.routes.source.slack;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/** {@code caravan run}'s line for a slack event: the request URL to give the Slack app. */
public final class SlackSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "slack-source";
  }

  @Override
  public String heading() {
    return "Slack apps";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    String endpoint = String.valueOf(parameters.getOrDefault("endpoint", "/"));
    String scheme = parameters.get("serverCertSecret") != null ? "https" : "http";
    return scheme
        + "://localhost:"
        + parameters.get("port")
        + (endpoint.startsWith("/") ? endpoint : "/" + endpoint)
        + " (request URL, signed requests only)";
  }
}
