package io.caravan.routes.source.bitbucketserver;

import io.caravan.routes.source.SourceSummary;
import io.caravan.routes.source.webhook.WebhookSummary;
import java.util.Map;

/**
 * {@code caravan run}'s line for a bitbucketserver event: the URL Bitbucket Server calls, then
 * where its hooks are managed (or that they are not).
 */
public final class BitbucketServerSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "bitbucketserver-source";
  }

  @Override
  public String heading() {
    return "Bitbucket Server webhooks";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    String endpoint =
        new WebhookSummary().describe(withPost(parameters)).replaceFirst("^POST\\s+", "");
    Object hookUrl = parameters.get("hookUrl");
    Object token = parameters.get("accessToken");
    if (hookUrl == null || token == null) {
      return endpoint + " (hooks not managed)";
    }
    int repos = count(parameters.get("repositories"));
    int projects = count(parameters.get("projects"));
    return endpoint
        + " (hooks "
        + hookUrl
        + " on "
        + repos
        + (repos == 1 ? " repository" : " repositories")
        + (projects > 0
            ? " and every repository of " + projects + (projects == 1 ? " project" : " projects")
            : "")
        + " at "
        + parameters.get("bitbucketserverBaseURL")
        + ")";
  }

  private static Map<String, Object> withPost(Map<String, Object> parameters) {
    var copy = new java.util.HashMap<>(parameters);
    copy.put("method", "POST");
    return copy;
  }

  private static int count(Object commaSeparated) {
    return commaSeparated == null
        ? 0
        : BitbucketServerProvider.list(commaSeparated.toString()).size();
  }
}
