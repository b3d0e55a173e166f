package io.caravan.routes.source.gitlab;

/** What the gitlab tests share: a route on the Kamelet and a payload. */
final class GitlabTestRoutes {
  static final String TOKEN = "gl-hook-t0ken";

  static final String PUSH =
      """
      {"object_kind":"push","ref":"refs/heads/main","checkout_sha":"da1560886d",
       "project":{"id":15,"path_with_namespace":"platform/checkout"},"total_commits_count":1}""";

  private GitlabTestRoutes() {}

  /** A route from the gitlab-source Kamelet to {@code mock:<id>}. */
  static String route(String id, int port, String extra) {
    return """
        - route:
            id: %s
            from:
              uri: kamelet:gitlab-source
              parameters:
                port: "%d"
                endpoint: /%s
        %s
              steps:
                - to: mock:%s
        """
        .formatted(id, port, id, extra.indent(8).stripTrailing(), id);
  }
}
