package io.caravan.generator.source.bitbucket;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/** Argo's checks of a bitbucket (Cloud) event ({@code bitbucket/validate.go}) and Caravan's. */
class BitbucketSourceTypeTest {

  @Test
  void acceptsBasicAuthOauthTokenAndTheDeprecatedPair() {
    assertThat(
            eventSource(
                """
          bitbucket:
            basic:
              repositories: [{owner: acme, repositorySlug: app}]
              events: ["repo:push"]
              webhook: {endpoint: /push, port: "12000", url: "https://events.example.com"}
              auth:
                basic:
                  username: {name: bb, key: user}
                  password: {name: bb, key: password}
              deleteHookOnFinish: true
              metadata: {team: a}
            token:
              owner: acme
              repositorySlug: app
              events: ["repo:push"]
              webhook: {endpoint: /token, port: "12000", url: "https://events.example.com"}
              auth: {oauthToken: {name: bb, key: token}}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          bitbucket:
            no-repos:
              webhook: {endpoint: /a, port: "12000"}
              auth: {oauthToken: {name: bb, key: token}}
            no-events:
              repositories: [{owner: acme, repositorySlug: app}]
              webhook: {endpoint: /b, port: "12000", url: "https://e"}
              auth: {oauthToken: {name: bb, key: token}}
            no-auth:
              repositories: [{owner: acme, repositorySlug: app}]
              webhook: {endpoint: /c, port: "12000"}
            no-webhook:
              repositories: [{owner: acme, repositorySlug: app}]
              auth: {oauthToken: {name: bb, key: token}}
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.bitbucket.no-repos", "at least one repository is required"),
            tuple(
                "spec.bitbucket.no-events.events",
                "events must be defined to create a bitbucket webhooks"),
            // DIFFERS: Argo's validation fails on a nil auth (a nil-pointer panic, no message)
            tuple("spec.bitbucket.no-auth.auth", "auth is required"),
            tuple("spec.bitbucket.no-webhook.webhook", "webhook is required"));
  }

  @Test
  void warnsAboutHalfBasicAuthBothAuthsAndIncompleteRepositories() {
    assertThat(
            eventSource(
                """
          bitbucket:
            e:
              repositories: [{owner: acme}]
              webhook: {endpoint: /a, port: "12000"}
              auth:
                basic: {username: {name: bb, key: user}}
                oauthToken: {name: bb, key: token}
            f:
              repositories: [{owner: acme, repositorySlug: app}]
              webhook: {endpoint: /f, port: "12000"}
              auth:
                basic: {username: {name: bb, key: user}, password: {name: bb, key: pw}}
                oauthToken: {name: bb, key: token}
        """))
        .extracting(Diagnostic::severity, Diagnostic::path)
        .containsExactlyInAnyOrder(
            tuple(Diagnostic.Severity.WARNING, "spec.bitbucket.e.repositories[0]"),
            tuple(Diagnostic.Severity.WARNING, "spec.bitbucket.e.auth.basic"),
            tuple(Diagnostic.Severity.WARNING, "spec.bitbucket.f.auth"));
  }
}
