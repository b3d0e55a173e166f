package io.caravan.routes.source.bitbucket;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/** {@code caravan run}'s line for a bitbucket event: the URL Bitbucket calls and the hooks. */
public final class BitbucketSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "bitbucket-source";
  }

  @Override
  public String heading() {
    return "Bitbucket webhooks";
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
    boolean auth = parameters.get("oauthToken") != null || parameters.get("basicUsername") != null;
    if (hookUrl == null || !auth) {
      return url + " (hooks not managed)";
    }
    int repos =
        BitbucketProvider.list(String.valueOf(parameters.getOrDefault("repositories", ""))).size();
    return url
        + " (hooks "
        + hookUrl
        + " on "
        + repos
        + (repos == 1 ? " repository)" : " repositories)");
  }
}
