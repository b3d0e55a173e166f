package io.caravan.generator.source.gitlab;

import io.caravan.api.eventsource.WebhookContext;
import io.caravan.api.eventsource.gitlab.GitlabEventSource;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.source.WebhookContextRules;
import io.caravan.generator.source.WebhookEndpointParameters;
import io.caravan.generator.support.ExpressionSyntax;
import io.caravan.generator.yaml.UriParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code spec.gitlab} events → {@code kamelet:gitlab-source}: a GitLab endpoint on the shared
 * webhook server, with Argo's validation ({@code gitlab/validate.go}) and hook management settings
 * (inventory §1.4 #12, §1.5.12, §2.3).
 */
public final class GitlabSourceType implements SourceType<GitlabEventSource> {

  /**
   * The boolean options of GitLab's add-hook call Argo sets by name ({@code AddProjectHookOptions}
   * fields of the GitLab Go client).
   */
  static final Set<String> HOOK_EVENTS =
      Set.of(
          "PushEvents",
          "TagPushEvents",
          "IssuesEvents",
          "ConfidentialIssuesEvents",
          "NoteEvents",
          "ConfidentialNoteEvents",
          "MergeRequestsEvents",
          "JobEvents",
          "PipelineEvents",
          "WikiPageEvents",
          "DeploymentEvents",
          "ReleasesEvents",
          "FeatureFlagEvents",
          "EmojiEvents",
          "ResourceAccessTokenEvents",
          "EnableSSLVerification");

  @Override
  public String key() {
    return "gitlab";
  }

  @Override
  public Class<GitlabEventSource> model() {
    return GitlabEventSource.class;
  }

  @Override
  public void check(SourceEvent<GitlabEventSource> event, List<Diagnostic> out) {
    GitlabEventSource source = event.config();
    if (source == null) {
      out.add(Diagnostic.error(event.path(), "gitlab settings are missing"));
      return;
    }
    if (source.getEvents() == null) {
      out.add(Diagnostic.error(event.path("events"), "events can't be empty"));
    }
    if (isBlank(source.getGitlabBaseURL())) {
      out.add(Diagnostic.error(event.path("gitlabBaseURL"), "gitlab base url can't be empty"));
    }
    if (source.getAccessToken() == null) {
      out.add(Diagnostic.error(event.path("accessToken"), "access token can't be nil"));
    }
    WebhookContext webhook = source.getWebhook();
    if (webhook == null) {
      out.add(Diagnostic.error(event.path("webhook"), "webhook is required"));
    } else {
      WebhookContextRules.check(event.path("webhook"), webhook, out);
      if (webhook.getAuthSecret() != null) {
        out.add(
            Diagnostic.warning(
                event.path("webhook.authSecret"),
                "authSecret is not checked on gitlab endpoints (as in Argo)"));
      }
    }
    boolean managed = needToCreateHooks(source);
    List<String> events = source.getEvents();
    for (int i = 0; managed && events != null && i < events.size(); i++) {
      if (!HOOK_EVENTS.contains(events.get(i))) {
        out.add(
            Diagnostic.error(event.path("events[" + i + "]"), "unknown event " + events.get(i)));
      }
    }
    if (managed && projects(source).isEmpty() && isEmpty(source.getGroups())) {
      out.add(
          Diagnostic.warning(
              event.path(), "neither projects nor groups are set: no hook is registered"));
    }
    if (!managed && source.getSecretToken() != null) {
      out.add(
          Diagnostic.warning(
              event.path("secretToken"),
              "secretToken is checked only when hooks are managed (accessToken and webhook.url),"
                  + " as in Argo: requests are not checked"));
    }
    SecretRefs.check(event.path("accessToken"), source.getAccessToken(), out);
    SecretRefs.check(event.path("secretToken"), source.getSecretToken(), out);
    ExpressionSyntax.eventSourceFilter(event.path(), source.getFilter(), out);
  }

  @Override
  public Map<String, Object> from(SourceEvent<GitlabEventSource> event, Diagnostics diagnostics) {
    GitlabEventSource source = event.config();
    if (source == null || source.getWebhook() == null) {
      diagnostics.error(event.path(), "gitlab webhook settings are missing");
      return null;
    }
    List<Diagnostic> problems = new ArrayList<>();
    check(event, problems);
    List<Diagnostic> errors = problems.stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      diagnostics.addAll(errors);
      return null;
    }
    Map<String, Object> parameters =
        WebhookEndpointParameters.of(event.path("webhook"), source.getWebhook(), diagnostics);
    if (parameters == null
        || !SecretRefs.isValid(source.getAccessToken())
        || !SecretRefs.isValid(source.getSecretToken())) {
      return null;
    }
    if (needToCreateHooks(source)) {
      parameters.put(
          "accessToken",
          SecretRefs.reference(source.getAccessToken(), event.path("accessToken"), diagnostics));
      String secretToken =
          SecretRefs.reference(source.getSecretToken(), event.path("secretToken"), diagnostics);
      if (secretToken != null) {
        parameters.put("secretToken", secretToken);
      }
      parameters.put("gitlabBaseURL", source.getGitlabBaseURL());
      parameters.put(
          "hookUrl",
          WebhookEndpointParameters.hookUrl(
              source.getWebhook().getUrl(), source.getWebhook().getEndpoint()));
      putList(parameters, "events", source.getEvents());
      putList(parameters, "projects", projects(source));
      putList(parameters, "groups", source.getGroups());
      parameters.put(
          "enableSSLVerification", Boolean.TRUE.equals(source.getEnableSSLVerification()));
      parameters.put("deleteHookOnFinish", Boolean.TRUE.equals(source.getDeleteHookOnFinish()));
    }
    WebhookEndpointParameters.withMetadata(parameters, source.getMetadata());
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:gitlab-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(GitlabEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }

  /** Argo's {@code GetProjects}: the list, else the deprecated {@code projectID}. */
  static List<String> projects(GitlabEventSource source) {
    if (!isEmpty(source.getProjects())) {
      return source.getProjects();
    }
    return isBlank(source.getProjectID()) ? List.of() : List.of(source.getProjectID());
  }

  /** Argo's {@code NeedToCreateHooks}: an access token and a public webhook URL. */
  static boolean needToCreateHooks(GitlabEventSource source) {
    return source.getAccessToken() != null
        && source.getWebhook() != null
        && !isBlank(source.getWebhook().getUrl());
  }

  private static void putList(Map<String, Object> parameters, String name, List<String> values) {
    if (values != null && !values.isEmpty()) {
      parameters.put(name, String.join(",", values));
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isEmpty();
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }
}
