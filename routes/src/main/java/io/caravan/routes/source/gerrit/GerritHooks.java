package io.caravan.routes.source.gerrit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.webhook.HookApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argo's hook management for Gerrit's webhooks plugin ({@code gerrit/hook_util.go}): for each
 * project, the remotes are listed ({@code GET <base>/a/config/server/webhooks~projects/<project>/
 * remotes/}); a remote named {@code hookName} with the source's URL is kept, else it is written
 * ({@code PUT …/remotes/<hookName>/} with {@code url}, {@code events}, {@code sslVerify}).
 * Authenticated calls go under {@code /a/}, as go-gerrit does.
 */
final class GerritHooks {
  private static final Logger LOG = LoggerFactory.getLogger(GerritHooks.class);

  /** What Gerrit puts before every JSON answer, against cross-site script inclusion. */
  static final String XSSI_PREFIX = ")]}'";

  private final String where;
  private final HookApiClient client;
  private final String base;
  private final String hookUrl;
  private final String hookName;
  private final List<String> events;
  private final boolean sslVerify;
  private final List<String> projects;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();

  GerritHooks(
      String where,
      HookApiClient client,
      String baseUrl,
      boolean authenticated,
      String hookUrl,
      String hookName,
      List<String> events,
      boolean sslVerify,
      List<String> projects) {
    this.where = where;
    this.client = client;
    String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.base = trimmed + (authenticated ? "/a" : "");
    this.hookUrl = hookUrl;
    this.hookName = hookName;
    this.events = List.copyOf(events);
    this.sslVerify = sslVerify;
    this.projects = List.copyOf(projects);
  }

  /** Strips Gerrit's {@code )]}'} line from an answer. */
  static String withoutXssiPrefix(String body) {
    String text = body.stripLeading();
    if (text.startsWith(XSSI_PREFIX)) {
      return text.substring(XSSI_PREFIX.length());
    }
    return body;
  }

  /** One pass over the projects; throws after the pass when any of them failed. */
  void apply() throws Exception {
    List<String> failed = new ArrayList<>();
    for (String project : projects) {
      try {
        JsonNode remotes = client.get(remotesUrl(project));
        JsonNode existing = remotes.path(hookName);
        if (existing.isObject() && hookUrl.equals(existing.path("url").asText())) {
          registered.add(project);
          continue;
        }
        LOG.info("{}: hook not found for project {}, creating …", where, project);
        ObjectNode hook = JsonNodeFactory.instance.objectNode();
        hook.put("url", hookUrl);
        if (!events.isEmpty()) {
          events.forEach(hook.putArray("events")::add);
        }
        if (sslVerify) {
          hook.put("sslVerify", true);
        }
        client.send("PUT", remoteUrl(project), hook);
        registered.add(project);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        LOG.warn(
            "{}: failed to apply the Gerrit hook of project {}: {}",
            where,
            project,
            e.getMessage());
        failed.add(project);
      }
    }
    if (!failed.isEmpty()) {
      throw new IllegalStateException("hooks of projects " + failed + " could not be applied");
    }
  }

  /** Deletes the hook of every project it was registered or found in; failures are logged. */
  void deleteAll() {
    for (String project : projects) {
      if (!registered.remove(project)) {
        continue;
      }
      try {
        client.send("DELETE", remoteUrl(project), null);
        LOG.info("{}: Gerrit hook deleted for project {}", where, project);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        LOG.warn(
            "{}: failed to delete the Gerrit hook of project {}: {}",
            where,
            project,
            e.getMessage());
      }
    }
  }

  private String remotesUrl(String project) {
    return base + "/config/server/webhooks~projects/" + queryEscape(project) + "/remotes/";
  }

  private String remoteUrl(String project) {
    return remotesUrl(project) + queryEscape(hookName) + "/";
  }

  /** Go's {@code url.QueryEscape}: {@code /} becomes {@code %2F}, a space {@code +}. */
  private static String queryEscape(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
