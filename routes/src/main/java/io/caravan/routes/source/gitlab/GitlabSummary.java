package io.caravan.routes.source.gitlab;

import io.caravan.routes.source.SourceSummary;
import io.caravan.routes.source.webhook.WebhookSummary;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code caravan run}'s line for a gitlab event: the URL GitLab calls, then where its hooks are
 * managed (or that they are not).
 */
public final class GitlabSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "gitlab-source";
  }

  @Override
  public String heading() {
    return "GitLab webhooks";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    Map<String, Object> copy = new HashMap<>(parameters);
    copy.put("method", "POST");
    String endpoint = new WebhookSummary().describe(copy).replaceFirst("^POST\\s+", "");
    Object hookUrl = parameters.get("hookUrl");
    if (hookUrl == null || parameters.get("accessToken") == null) {
      return endpoint + " (hooks not managed, X-Gitlab-Token not checked)";
    }
    int projects = count(parameters.get("projects"));
    int groups = count(parameters.get("groups"));
    return endpoint
        + " (hooks "
        + hookUrl
        + " on "
        + projects
        + (projects == 1 ? " project" : " projects")
        + " and "
        + groups
        + (groups == 1 ? " group" : " groups")
        + " at "
        + GitlabApi.apiBase(String.valueOf(parameters.get("gitlabBaseURL")))
        + (parameters.get("secretToken") != null ? ", X-Gitlab-Token checked" : "")
        + ")";
  }

  private static int count(Object commaSeparated) {
    return commaSeparated == null ? 0 : GitlabProvider.list(commaSeparated.toString()).size();
  }
}
