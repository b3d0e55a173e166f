package io.caravan.generator.source.github;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/** Argo's checks of a github event ({@code github/validate.go}) and Caravan's warnings. */
class GithubSourceTypeTest {

  @Test
  void acceptsRepositoriesOrganizationsTheDeprecatedPairAndAnApp() {
    assertThat(
            eventSource(
                """
          github:
            repos:
              repositories: [{owner: acme, names: [shop, payments]}]
              webhook: {endpoint: /push, port: "12000", url: "https://events.example.com"}
              events: [push]
              apiToken: {name: gh, key: token}
              webhookSecret: {name: gh, key: secret}
              active: true
              insecure: true
              contentType: form
              deleteHookOnFinish: true
              metadata: {team: a}
              filter: {expression: "body['X-GitHub-Event'] == 'push'"}
            org:
              organizations: [acme]
              webhook: {endpoint: /org, port: "12000", url: "https://events.example.com"}
              events: ["*"]
              githubApp: {privateKey: {name: app, key: pem}, appID: 1, installationID: 2}
              githubBaseURL: https://ghe.example.com/api/v3
              githubUploadURL: https://ghe.example.com/api/uploads
            old:
              id: 7
              owner: acme
              repository: legacy
              webhook: {endpoint: /old, port: "12000", method: POST}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesInArgosWords() {
    assertThat(
            eventSource(
                """
          github:
            neither:
              webhook: {endpoint: /a, port: "12000"}
            both:
              repositories: [{owner: acme, names: [shop]}]
              organizations: [acme]
              webhook: {endpoint: /b, port: "12000"}
            no-events:
              organizations: [acme]
              webhook: {endpoint: /c, port: "12000", url: "https://e"}
              apiToken: {name: gh, key: token}
            content:
              organizations: [acme]
              contentType: xml
              webhook: {endpoint: /d, port: "12000"}
            upload:
              organizations: [acme]
              githubUploadURL: https://u
              webhook: {endpoint: /e, port: "12000"}
            base:
              organizations: [acme]
              githubBaseURL: https://b
              webhook: {endpoint: /f, port: "12000"}
            no-webhook:
              organizations: [acme]
        """))
        .filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.github.neither", "either repositories or organizations is required"),
            tuple("spec.github.both", "only one of repositories and organizations is allowed"),
            tuple(
                "spec.github.no-events.events",
                "events must be defined to create a github webhook"),
            tuple("spec.github.content.contentType", "content type must be \"json\" or \"form\""),
            tuple(
                "spec.github.upload.githubBaseURL",
                "githubBaseURL is required when githubUploadURL is set"),
            tuple(
                "spec.github.base.githubUploadURL",
                "githubUploadURL is required when githubBaseURL is set"),
            tuple("spec.github.no-webhook.webhook", "webhook is required"));
  }

  @Test
  void warnsAboutSettingsThatDoNothingAndReportsUnknownFields() {
    assertThat(
            eventSource(
                """
          github:
            e:
              repositories: [{owner: acme}]
              apiToken: {name: gh, key: token}
              webhook: {endpoint: /a, port: "12000", authSecret: {name: a, key: b}}
              githubApp: {appID: 1, installationID: 2}
              payloadEnrichment: {fetchPROnPRCommentAdded: true}
        """))
        .extracting(Diagnostic::severity, Diagnostic::path)
        .contains(
            tuple(Diagnostic.Severity.WARNING, "spec.github.e.repositories[0]"),
            tuple(Diagnostic.Severity.WARNING, "spec.github.e.apiToken"),
            tuple(Diagnostic.Severity.WARNING, "spec.github.e.webhook.authSecret"),
            tuple(Diagnostic.Severity.WARNING, "spec.github.e.githubApp.privateKey"));
  }

  @Test
  void reportsFieldsCaravanDoesNotKnow() {
    assertThat(
            eventSource(
                """
          github:
            e:
              organizations: [acme]
              webhook: {endpoint: /a, port: "12000"}
              payloadEnrichment: {fetchPROnPRCommentAdded: true}
        """))
        .extracting(Diagnostic::path)
        .contains("spec.github.e.payloadEnrichment");
  }

  @Test
  void anAppNeedsItsIds() {
    assertThat(
            eventSource(
                """
          github:
            e:
              organizations: [acme]
              webhook: {endpoint: /a, port: "12000", url: "https://e"}
              events: [push]
              githubApp: {privateKey: {name: app, key: pem}}
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactly(
            tuple("spec.github.e.githubApp", "githubApp needs appID and installationID"));
  }
}
