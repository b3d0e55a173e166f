package io.caravan.routes.source.bitbucketserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.bitbucketserver.BitbucketServerApi.Repo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argo's hook management for Bitbucket Server: for every configured repository and every repository
 * of the configured projects, the hook whose URL is the source's is reused (updated when its events
 * or secret differ), else one named {@code Argo Events} is created; the ids are kept for {@code
 * deleteHookOnFinish}.
 */
final class BitbucketServerHooks {
  private static final Logger LOG = LoggerFactory.getLogger(BitbucketServerHooks.class);
  static final String HOOK_NAME = "Argo Events";

  private final String where;
  private final BitbucketServerApi api;
  private final String hookUrl;
  private final List<String> events;
  private final String secret;
  private final List<Repo> repositories;
  private final List<String> projects;
  private final Map<Repo, Long> hookIds = new ConcurrentHashMap<>();

  BitbucketServerHooks(
      String where,
      BitbucketServerApi api,
      String hookUrl,
      List<String> events,
      String secret,
      List<Repo> repositories,
      List<String> projects) {
    this.where = where;
    this.api = api;
    this.hookUrl = hookUrl;
    this.events = List.copyOf(events);
    this.secret = secret == null ? "" : secret;
    this.repositories = List.copyOf(repositories);
    this.projects = List.copyOf(projects);
  }

  /** One pass over every repository; throws after the pass when any of them failed. */
  void apply() throws Exception {
    Set<Repo> repos = new LinkedHashSet<>(repositories);
    for (String project : projects) {
      try {
        repos.addAll(api.repositories(project));
      } catch (Exception e) {
        throw new IllegalStateException(
            "getting list of bitbucketserver repositories from projects "
                + projects
                + ": "
                + e.getMessage(),
            e);
      }
    }
    List<String> failed = new ArrayList<>();
    for (Repo repo : repos) {
      try {
        apply(repo);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        LOG.warn(
            "{}: failed to apply the bitbucketserver webhook of {}: {}",
            where,
            repo,
            e.getMessage());
        failed.add(repo.toString());
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("hooks of " + failed + " could not be applied");
    }
  }

  private void apply(Repo repo) throws Exception {
    JsonNode existing = null;
    for (JsonNode hook : api.webhooks(repo)) {
      if (hookUrl.equals(hook.path("url").asText())) {
        existing = hook;
        break;
      }
    }
    ObjectNode wanted = JsonNodeFactory.instance.objectNode();
    wanted.put("name", HOOK_NAME);
    wanted.put("url", hookUrl);
    wanted.put("active", true);
    events.forEach(wanted.putArray("events")::add);
    if (!secret.isEmpty()) {
      // Argo leaves configuration out without a secret (Bitbucket Server answers 500 to an empty
      // one)
      wanted.putObject("configuration").put("secret", secret);
    }
    if (existing != null) {
      long id = existing.path("id").asLong();
      hookIds.put(repo, id);
      if (!sameEvents(existing.path("events"))
          || !secret.equals(existing.at("/configuration/secret").asText(""))) {
        api.updateWebhook(repo, id, wanted);
        LOG.info("{}: bitbucketserver webhook {} of {} updated", where, id, repo);
      }
      return;
    }
    JsonNode created = api.createWebhook(repo, wanted);
    long id = created.path("id").asLong();
    hookIds.put(repo, id);
    LOG.info("{}: bitbucketserver webhook {} of {} registered", where, id, repo);
  }

  private boolean sameEvents(JsonNode existing) {
    List<String> have = new ArrayList<>();
    existing.forEach(e -> have.add(e.asText()));
    return have.size() == events.size() && new HashSet<>(have).equals(new HashSet<>(events));
  }

  /** Deletes the hooks registered or reused so far; failures are logged. */
  void deleteAll() {
    hookIds.forEach(
        (repo, id) -> {
          try {
            api.deleteWebhook(repo, id);
            LOG.info("{}: bitbucketserver webhook {} of {} deleted", where, id, repo);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (Exception e) {
            LOG.warn(
                "{}: failed to delete bitbucketserver webhook {} of {}: {}",
                where,
                id,
                repo,
                e.getMessage());
          }
        });
    hookIds.clear();
  }

  /** The hook ids by repository, for tests and logs. */
  Map<Repo, Long> hookIds() {
    return Map.copyOf(hookIds);
  }
}
