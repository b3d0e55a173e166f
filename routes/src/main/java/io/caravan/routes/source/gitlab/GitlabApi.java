package io.caravan.routes.source.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.routes.source.webhook.HookApiClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hook endpoints of the GitLab REST API the source uses, as the GitLab Go client does for Argo:
 * {@code projects/<id>/hooks} and {@code groups/<id>/hooks} (list, add, delete) under {@code
 * <gitlabBaseURL>/api/v4/} (added unless the URL ends with it), ids or paths escaped as one segment
 * ({@code group%2Fproject}). Lists are read 100 a page until a page is not full.
 */
final class GitlabApi {
  static final int PAGE = 100;
  private static final String API = "api/v4/";

  private final HookApiClient client;
  private final String base;

  GitlabApi(HookApiClient client, String baseUrl) {
    this.client = client;
    this.base = apiBase(baseUrl);
  }

  /** The client library's base URL: a trailing slash, then {@code api/v4/} unless present. */
  static String apiBase(String baseUrl) {
    String url = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    return url.endsWith(API) ? url : url + API;
  }

  String base() {
    return base;
  }

  List<JsonNode> hooks(Target target) throws IOException, InterruptedException {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode answer = client.get(hooksUrl(target) + "?per_page=" + PAGE + "&page=" + page);
      int before = all.size();
      answer.forEach(all::add);
      if (all.size() - before < PAGE) {
        return all;
      }
    }
  }

  JsonNode addHook(Target target, JsonNode options) throws IOException, InterruptedException {
    return client.send("POST", hooksUrl(target), options);
  }

  void deleteHook(Target target, long id) throws IOException, InterruptedException {
    client.send("DELETE", hooksUrl(target) + "/" + id, null);
  }

  private String hooksUrl(Target target) {
    return base
        + (target.group() ? "groups/" : "projects/")
        + URLEncoder.encode(target.id(), StandardCharsets.UTF_8).replace("+", "%20")
        + "/hooks";
  }

  /** A project or a group, by id or path. */
  record Target(boolean group, String id) {
    @Override
    public String toString() {
      return (group ? "group " : "project ") + id;
    }
  }
}
