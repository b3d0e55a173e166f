package io.caravan.routes.source.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.gitlab.GitlabApi.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argo's hook management for GitLab: for every group, then every project, the hook whose {@code
 * url} is the source's is reused as it is, else one is added with Argo's options (every event
 * option Argo names set to false, then the configured ones to true, {@code
 * enable_ssl_verification}, {@code token}); the ids are kept for {@code deleteHookOnFinish}. The
 * pass is repeated every check interval (60 s), as Argo re-syncs.
 */
final class GitlabHooks {
  private static final Logger LOG = LoggerFactory.getLogger(GitlabHooks.class);

  /** The event options Argo sends as false unless configured. */
  static final List<String> DEFAULT_FALSE =
      List.of(
          "ConfidentialNoteEvents",
          "PushEvents",
          "IssuesEvents",
          "ConfidentialIssuesEvents",
          "MergeRequestsEvents",
          "TagPushEvents",
          "NoteEvents",
          "JobEvents",
          "PipelineEvents",
          "WikiPageEvents",
          "EmojiEvents");

  private final String where;
  private final GitlabApi api;
  private final String hookUrl;
  private final ObjectNode options;
  private final List<Target> targets;
  private final Map<Target, Long> hookIds = new ConcurrentHashMap<>();

  GitlabHooks(
      String where,
      GitlabApi api,
      String hookUrl,
      List<String> events,
      boolean enableSslVerification,
      String secretToken,
      List<Target> targets) {
    this.where = where;
    this.api = api;
    this.hookUrl = hookUrl;
    this.targets = List.copyOf(targets);
    ObjectNode wanted = JsonNodeFactory.instance.objectNode();
    wanted.put("url", hookUrl);
    wanted.put("enable_ssl_verification", enableSslVerification);
    DEFAULT_FALSE.forEach(option -> wanted.put(snake(option), false));
    events.forEach(option -> wanted.put(snake(option), true));
    if (secretToken != null) {
      wanted.put("token", secretToken);
    }
    this.options = wanted;
  }

  /**
   * A Go field name as the API's option name: {@code MergeRequestsEvents → merge_requests_events}.
   */
  static String snake(String field) {
    if (field.equals("EnableSSLVerification")) {
      return "enable_ssl_verification";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        out.append('_');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /** One pass over every group and project; throws after the pass when any of them failed. */
  void apply() throws Exception {
    List<String> failed = new ArrayList<>();
    for (Target target : targets) {
      try {
        apply(target);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        LOG.warn("{}: failed to apply the gitlab webhook of {}: {}", where, target, e.getMessage());
        failed.add(target.toString());
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("hooks of " + failed + " could not be applied");
    }
  }

  private void apply(Target target) throws Exception {
    for (JsonNode existing : api.hooks(target)) {
      if (hookUrl.equals(existing.path("url").asText(null))) {
        hookIds.put(target, existing.path("id").asLong());
        return;
      }
    }
    LOG.info("{}: hook not found for {}, creating ...", where, target);
    JsonNode created = api.addHook(target, options);
    long id = created.path("id").asLong();
    hookIds.put(target, id);
    LOG.info("{}: gitlab webhook {} of {} registered", where, id, target);
  }

  /** Deletes the hooks registered or reused so far; failures are logged. */
  void deleteAll() {
    hookIds.forEach(
        (target, id) -> {
          try {
            api.deleteHook(target, id);
            LOG.info("{}: gitlab webhook {} of {} deleted", where, id, target);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (Exception e) {
            LOG.warn(
                "{}: failed to delete gitlab webhook {} of {}: {}",
                where,
                id,
                target,
                e.getMessage());
          }
        });
    hookIds.clear();
  }

  Map<Target, Long> hookIds() {
    return Map.copyOf(hookIds);
  }
}
