package io.caravan.routes.source.github;

import io.caravan.routes.source.SourceSummary;
import io.caravan.routes.source.webhook.WebhookSummary;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code caravan run}'s line for a github event: the URL GitHub calls, then where its hooks are
 * managed (or that they are not).
 */
public final class GithubSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "github-source";
  }

  @Override
  public String heading() {
    return "GitHub webhooks";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    Map<String, Object> copy = new HashMap<>(parameters);
    copy.put("method", "POST");
    String endpoint = new WebhookSummary().describe(copy).replaceFirst("^POST\\s+", "");
    Object hookUrl = parameters.get("hookUrl");
    boolean credential =
        parameters.get("apiToken") != null || parameters.get("githubAppPrivateKey") != null;
    if (hookUrl == null || !credential) {
      return endpoint + " (hooks not managed)";
    }
    int repos = count(parameters.get("repositories"));
    int orgs = count(parameters.get("organizations"));
    Object base = parameters.get("githubBaseURL");
    return endpoint
        + " (hooks "
        + hookUrl
        + " on "
        + (orgs > 0
            ? orgs + (orgs == 1 ? " organization" : " organizations")
            : repos + (repos == 1 ? " repository" : " repositories"))
        + " at "
        + (base == null ? GithubApi.DEFAULT_BASE_URL : base)
        + (parameters.get("githubAppPrivateKey") != null ? " as a GitHub App" : "")
        + ")";
  }

  private static int count(Object commaSeparated) {
    return commaSeparated == null ? 0 : GithubProvider.list(commaSeparated.toString()).size();
  }
}
