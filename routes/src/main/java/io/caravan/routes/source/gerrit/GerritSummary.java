package io.caravan.routes.source.gerrit;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/** {@code caravan run}'s line for a gerrit event: the URL Gerrit calls and the hooks. */
public final class GerritSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "gerrit-source";
  }

  @Override
  public String heading() {
    return "Gerrit webhooks";
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
    if (hookUrl == null || parameters.get("hookName") == null) {
      return url + " (hooks not managed)";
    }
    int projects =
        GerritProvider.list(String.valueOf(parameters.getOrDefault("projects", ""))).size();
    return url
        + " (hook '"
        + parameters.get("hookName")
        + "' → "
        + hookUrl
        + " in "
        + projects
        + (projects == 1 ? " project" : " projects")
        + " at "
        + parameters.get("gerritBaseURL")
        + ")";
  }
}
