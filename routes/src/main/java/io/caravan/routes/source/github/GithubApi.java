package io.caravan.routes.source.github;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.routes.source.webhook.HookApiClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The hook endpoints of the GitHub REST API the source uses, as go-github does for Argo: {@code
 * repos/<owner>/<repo>/hooks} and {@code orgs/<org>/hooks} (list, create, delete) under the base
 * URL ({@code https://api.github.com/}, or {@code githubBaseURL} for GitHub Enterprise). Lists are
 * read page by page, 100 a page, until a page is not full.
 */
final class GithubApi {
  static final String DEFAULT_BASE_URL = "https://api.github.com/";
  static final int PAGE = 100;

  private final Supplier<HookApiClient> client;
  private final String base;

  /** {@code client} is asked for every request (a GitHub App's token expires). */
  GithubApi(Supplier<HookApiClient> client, String baseUrl) {
    this.client = client;
    this.base = withSlash(baseUrl == null ? DEFAULT_BASE_URL : baseUrl);
  }

  /** Argo's {@code parseUrlWithSlash}: the base URL always ends with a slash. */
  static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  String base() {
    return base;
  }

  List<JsonNode> hooks(Target target) throws IOException, InterruptedException {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode answer = client.get().get(hooksUrl(target) + "?per_page=" + PAGE + "&page=" + page);
      int before = all.size();
      answer.forEach(all::add);
      if (all.size() - before < PAGE) {
        return all;
      }
    }
  }

  JsonNode createHook(Target target, JsonNode hook) throws IOException, InterruptedException {
    return client.get().send("POST", hooksUrl(target), hook);
  }

  void deleteHook(Target target, long id) throws IOException, InterruptedException {
    client.get().send("DELETE", hooksUrl(target) + "/" + id, null);
  }

  private String hooksUrl(Target target) {
    return base + target.path() + "/hooks";
  }

  static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** What a hook is registered on: a repository ({@code owner/name}) or an organization. */
  record Target(String owner, String repository) {
    static Target organization(String org) {
      return new Target(org, null);
    }

    /** Reads {@code owner/name}. */
    static Target repository(String text) {
      int slash = text.indexOf('/');
      if (slash <= 0 || slash == text.length() - 1) {
        throw new IllegalArgumentException("repository must be 'owner/name': " + text);
      }
      return new Target(text.substring(0, slash), text.substring(slash + 1));
    }

    boolean isOrganization() {
      return repository == null;
    }

    String path() {
      return isOrganization()
          ? "orgs/" + segment(owner)
          : "repos/" + segment(owner) + "/" + segment(repository);
    }

    @Override
    public String toString() {
      return isOrganization() ? "organization " + owner : owner + "/" + repository;
    }
  }
}
