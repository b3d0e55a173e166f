package io.caravan.generator.source.bitbucketserver;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/** Argo's checks of a bitbucketserver event ({@code bitbucketserver/validate.go}) and Caravan's. */
class BitbucketServerSourceTypeTest {

  @Test
  void acceptsRepositoriesProjectsAndTheDeprecatedPair() {
    assertThat(
            eventSource(
                """
          bitbucketserver:
            repos:
              repositories: [{projectKey: PRJ, repositorySlug: app}]
              projects: [OPS]
              webhook: {endpoint: /push, port: "12000", url: "https://events.example.com"}
              events: ["repo:refs_changed"]
              accessToken: {name: bbs, key: token}
              webhookSecret: {name: bbs, key: secret}
              bitbucketserverBaseURL: https://bitbucket.example.com/rest
              skipBranchRefsChangedOnOpenPR: true
              oneEventPerChange: true
              checkInterval: 30s
              deleteHookOnFinish: true
              tls: {caCertSecret: {name: bbs-tls, key: ca.crt}}
              metadata: {team: a}
              filter: {expression: "body.eventKey == 'repo:refs_changed'"}
            old:
              projectKey: PRJ
              repositorySlug: app
              webhook: {endpoint: /old, port: "12000"}
              bitbucketserverBaseURL: https://bitbucket.example.com/rest
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          bitbucketserver:
            nothing:
              webhook: {endpoint: /a, port: "12000"}
              bitbucketserverBaseURL: https://b/rest
            no-events:
              projects: [P]
              webhook: {endpoint: /b, port: "12000", url: "https://e"}
              accessToken: {name: bbs, key: token}
              bitbucketserverBaseURL: https://b/rest
            no-base:
              projects: [P]
              webhook: {endpoint: /c, port: "12000"}
            bad-interval:
              projects: [P]
              webhook: {endpoint: /d, port: "12000"}
              bitbucketserverBaseURL: https://b/rest
              checkInterval: soon
            no-webhook:
              projects: [P]
              bitbucketserverBaseURL: https://b/rest
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple(
                "spec.bitbucketserver.nothing",
                "at least one project or repository configuration is required"),
            tuple(
                "spec.bitbucketserver.no-events.events",
                "events must be defined to create a bitbucket server webhook"),
            tuple(
                "spec.bitbucketserver.no-base.bitbucketserverBaseURL",
                "bitbucket server base url can't be empty"),
            tuple(
                "spec.bitbucketserver.bad-interval.checkInterval",
                "failed to parse webhook check interval duration: time: invalid duration \"soon\""),
            tuple("spec.bitbucketserver.no-webhook.webhook", "webhook is required"));
  }

  @Test
  void warnsAboutSettingsThatCannotWorkAndReportsUnknownFields() {
    assertThat(
            eventSource(
                """
          bitbucketserver:
            e:
              repositories: [{projectKey: PRJ}]
              webhook: {endpoint: /a, port: "12000", authSecret: {name: a, key: b}}
              bitbucketserverBaseURL: https://b/rest
              skipBranchRefsChangedOnOpenPR: true
              oneEventPerchange: true
        """))
        .extracting(Diagnostic::severity, Diagnostic::path)
        .contains(
            tuple(Diagnostic.Severity.WARNING, "spec.bitbucketserver.e.repositories[0]"),
            tuple(Diagnostic.Severity.WARNING, "spec.bitbucketserver.e.webhook.authSecret"),
            tuple(
                Diagnostic.Severity.WARNING,
                "spec.bitbucketserver.e.skipBranchRefsChangedOnOpenPR"));
    assertThat(
            eventSource(
                """
          bitbucketserver:
            e:
              projects: [P]
              webhook: {endpoint: /a, port: "12000"}
              bitbucketserverBaseURL: https://b/rest
              oneEventPerchange: true
        """))
        .extracting(Diagnostic::path)
        .contains("spec.bitbucketserver.e.oneEventPerchange");
  }
}
