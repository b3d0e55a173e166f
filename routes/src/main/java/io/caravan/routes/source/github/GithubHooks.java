package io.caravan.routes.source.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.github.GithubApi.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argo's hook management for GitHub: for every organization, then every repository, the hook whose
 * {@code config.url} is the source's and whose events are the same (in any order, or both with
 * {@code *}) is reused, else one is created ({@code name: web}, {@code active}, {@code events},
 * {@code config: {url, content_type, insecure_ssl, secret}}); the ids are kept for {@code
 * deleteHookOnFinish}. As in Argo the pass runs once at start and is re-checked {@link #RECHECKS}
 * times (every check interval, 60 s); later passes do nothing.
 */
final class GithubHooks {
  private static final Logger LOG = LoggerFactory.getLogger(GithubHooks.class);
  static final int RECHECKS = 10;

  private final String where;
  private final GithubApi api;
  private final String hookUrl;
  private final List<String> events;
  private final ObjectNode hook;
  private final List<Target> targets;
  private final Map<Target, Long> hookIds = new ConcurrentHashMap<>();
  private final AtomicInteger passes = new AtomicInteger();

  GithubHooks(
      String where,
      GithubApi api,
      String hookUrl,
      List<String> events,
      boolean active,
      String contentType,
      boolean insecure,
      String secret,
      List<Target> targets) {
    this.where = where;
    this.api = api;
    this.hookUrl = hookUrl;
    this.events = List.copyOf(events);
    this.targets = List.copyOf(targets);
    ObjectNode wanted = JsonNodeFactory.instance.objectNode();
    wanted.put("name", "web");
    wanted.put("active", active);
    events.forEach(wanted.putArray("events")::add);
    ObjectNode config = wanted.putObject("config");
    config.put("url", hookUrl);
    if (contentType != null) {
      config.put("content_type", contentType);
    }
    config.put("insecure_ssl", insecure ? "1" : "0");
    if (secret != null && !secret.isEmpty()) {
      config.put("secret", secret);
    }
    this.hook = wanted;
  }

  /**
   * One pass over every organization and repository (the first and {@link #RECHECKS} more); throws
   * after the pass when any of them failed, so it is retried.
   */
  void apply() throws Exception {
    if (passes.get() > RECHECKS) {
      return;
    }
    List<String> failed = new ArrayList<>();
    for (Target target : targets) {
      try {
        apply(target);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        LOG.warn("{}: failed to apply the github webhook of {}: {}", where, target, e.getMessage());
        failed.add(target.toString());
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("hooks of " + failed + " could not be applied");
    }
    passes.incrementAndGet();
  }

  private void apply(Target target) throws Exception {
    for (JsonNode existing : api.hooks(target)) {
      if (hookUrl.equals(existing.at("/config/url").asText(null)) && sameEvents(existing)) {
        hookIds.put(target, existing.path("id").asLong());
        return;
      }
    }
    LOG.info("{}: hook not found for {}, creating ...", where, target);
    JsonNode created = api.createHook(target, hook);
    long id = created.path("id").asLong();
    hookIds.put(target, id);
    LOG.info("{}: github webhook {} of {} registered", where, id, target);
  }

  /** go-github's hook events equal: the same multiset, or both containing {@code *}. */
  private boolean sameEvents(JsonNode existing) {
    List<String> have = new ArrayList<>();
    existing.path("events").forEach(e -> have.add(e.asText()));
    if (have.contains("*") && events.contains("*")) {
      return true;
    }
    return counts(have).equals(counts(events));
  }

  private static Map<String, Integer> counts(List<String> values) {
    Map<String, Integer> counts = new HashMap<>();
    values.forEach(v -> counts.merge(v, 1, Integer::sum));
    return counts;
  }

  /** Deletes the hooks registered or reused so far; failures are logged. */
  void deleteAll() {
    hookIds.forEach(
        (target, id) -> {
          try {
            api.deleteHook(target, id);
            LOG.info("{}: github webhook {} of {} deleted", where, id, target);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (Exception e) {
            LOG.warn(
                "{}: failed to delete github webhook {} of {}: {}",
                where,
                id,
                target,
                e.getMessage());
          }
        });
    hookIds.clear();
  }

  /** The hook ids by target, for tests and logs. */
  Map<Target, Long> hookIds() {
    return Map.copyOf(hookIds);
  }
}
