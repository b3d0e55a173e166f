package io.caravan.routes.source.bitbucket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.webhook.HookApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argo's hook management for Bitbucket Cloud (API 2.0): for each repository, a hook whose URL is
 * the source's is deleted and a new one created ({@code webhook managed by Argo-Events}); the new
 * hooks' uuids are kept for {@code deleteHookOnFinish}. A repository whose hook was created is not
 * touched again; the others are retried by the next pass.
 */
final class BitbucketHooks {
  private static final Logger LOG = LoggerFactory.getLogger(BitbucketHooks.class);
  static final String DESCRIPTION = "webhook managed by Argo-Events";

  private final String where;
  private final HookApiClient client;
  private final String api;
  private final String hookUrl;
  private final List<String> events;
  private final List<String> repositories;
  private final Map<String, String> hookUuids = new ConcurrentHashMap<>();

  BitbucketHooks(
      String where,
      HookApiClient client,
      String apiUrl,
      String hookUrl,
      List<String> events,
      List<String> repositories) {
    this.where = where;
    this.client = client;
    this.api = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.hookUrl = hookUrl;
    this.events = List.copyOf(events);
    this.repositories = List.copyOf(repositories);
  }

  /** Creates the hooks not created yet; throws after the pass when any repository failed. */
  void apply() throws Exception {
    List<String> failed = new ArrayList<>();
    for (String repo : repositories) {
      if (hookUuids.containsKey(repo)) {
        continue;
      }
      try {
        apply(repo);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        LOG.warn(
            "{}: failed to apply the Bitbucket webhook of {}: {}", where, repo, e.getMessage());
        failed.add(repo);
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("hooks of " + failed + " could not be applied");
    }
  }

  private void apply(String repo) throws Exception {
    String hooks = hooksUrl(repo);
    String next = hooks;
    while (next != null) {
      JsonNode page = client.get(next);
      for (JsonNode hook : page.path("values")) {
        if (hookUrl.equals(hook.path("url").asText())) {
          delete(repo, hook.path("uuid").asText());
          LOG.info("{}: old Bitbucket webhook of {} removed", where, repo);
        }
      }
      next = page.hasNonNull("next") ? page.get("next").asText() : null;
    }
    ObjectNode created = JsonNodeFactory.instance.objectNode();
    created.put("description", DESCRIPTION);
    created.put("url", hookUrl);
    created.put("active", true);
    events.forEach(created.putArray("events")::add);
    JsonNode hook = client.send("POST", hooks, created);
    hookUuids.put(repo, hook.path("uuid").asText());
    LOG.info("{}: Bitbucket webhook {} of {} created", where, hook.path("uuid").asText(), repo);
  }

  /** Deletes a hook; one already gone (404) is fine, as in Argo. */
  private void delete(String repo, String uuid) throws Exception {
    try {
      client.send("DELETE", hooksUrl(repo) + "/" + encode(uuid), null);
    } catch (HookApiClient.ApiException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  /** Deletes the hooks created by the passes; failures are logged. */
  void deleteAll() {
    hookUuids.forEach(
        (repo, uuid) -> {
          try {
            delete(repo, uuid);
            LOG.info("{}: Bitbucket webhook {} of {} deleted", where, uuid, repo);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (Exception e) {
            LOG.warn(
                "{}: failed to delete Bitbucket webhook of {}: {}", where, repo, e.getMessage());
          }
        });
    hookUuids.clear();
  }

  Map<String, String> hookUuids() {
    return Map.copyOf(hookUuids);
  }

  private String hooksUrl(String repo) {
    int slash = repo.indexOf('/');
    return api
        + "/repositories/"
        + encode(repo.substring(0, slash))
        + "/"
        + encode(repo.substring(slash + 1))
        + "/hooks";
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
