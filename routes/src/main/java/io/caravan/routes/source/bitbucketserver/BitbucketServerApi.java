package io.caravan.routes.source.bitbucketserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.routes.source.webhook.HookApiClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of the Bitbucket Server REST API ({@code <base>/api/1.0/...}, base including {@code
 * /rest}) the source uses, as Argo does: a project's repositories, a repository's webhooks (list,
 * create, update, delete) and a commit's pull requests; lists are read page by page (500 a page).
 */
final class BitbucketServerApi {
  static final int PAGE = 500;

  private final HookApiClient client;
  private final String base;

  BitbucketServerApi(HookApiClient client, String baseUrl) {
    this.client = client;
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The repositories ({@code projectKey/slug}) of a project. */
  List<Repo> repositories(String project) throws IOException, InterruptedException {
    List<Repo> repos = new ArrayList<>();
    for (JsonNode repo : pages(base + "/api/1.0/projects/" + segment(project) + "/repos")) {
      repos.add(new Repo(repo.at("/project/key").asText(project), repo.path("slug").asText()));
    }
    return repos;
  }

  List<JsonNode> webhooks(Repo repo) throws IOException, InterruptedException {
    return pages(hooksUrl(repo));
  }

  JsonNode createWebhook(Repo repo, JsonNode hook) throws IOException, InterruptedException {
    return client.send("POST", hooksUrl(repo), hook);
  }

  void updateWebhook(Repo repo, long id, JsonNode hook) throws IOException, InterruptedException {
    client.send("PUT", hooksUrl(repo) + "/" + id, hook);
  }

  void deleteWebhook(Repo repo, long id) throws IOException, InterruptedException {
    client.send("DELETE", hooksUrl(repo) + "/" + id, null);
  }

  /** The pull requests whose commits include {@code commit}. */
  List<JsonNode> pullRequests(Repo repo, String commit) throws IOException, InterruptedException {
    return pages(repoUrl(repo) + "/commits/" + segment(commit) + "/pull-requests");
  }

  private String repoUrl(Repo repo) {
    return base
        + "/api/1.0/projects/"
        + segment(repo.projectKey())
        + "/repos/"
        + segment(repo.slug());
  }

  private String hooksUrl(Repo repo) {
    return repoUrl(repo) + "/webhooks";
  }

  private List<JsonNode> pages(String url) throws IOException, InterruptedException {
    List<JsonNode> values = new ArrayList<>();
    int start = 0;
    while (true) {
      JsonNode page = client.get(url + "?limit=" + PAGE + "&start=" + start);
      page.path("values").forEach(values::add);
      int next = page.path("nextPageStart").asInt(0);
      if (page.path("isLastPage").asBoolean(true) || next <= start) {
        return values;
      }
      start = next;
    }
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A repository by project key and slug. */
  record Repo(String projectKey, String slug) {
    /** Reads {@code KEY/slug}. */
    static Repo parse(String text) {
      int slash = text.indexOf('/');
      if (slash <= 0 || slash == text.length() - 1) {
        throw new IllegalArgumentException(
            "repository must be 'projectKey/repositorySlug': " + text);
      }
      return new Repo(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
      return projectKey + "/" + slug;
    }
  }
}
