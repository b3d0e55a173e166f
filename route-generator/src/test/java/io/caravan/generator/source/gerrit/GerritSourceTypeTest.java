package io.caravan.generator.source.gerrit;

import static io.caravan.generator.ValidatorFixtures.errors;
import static io.caravan.generator.ValidatorFixtures.eventSource;
import static io.caravan.generator.ValidatorFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Argo's checks of a gerrit event ({@code gerrit/validate.go}) and Caravan's warnings. */
class GerritSourceTypeTest {

  @Test
  void acceptsAFullEventAndAnEmptyEventList() {
    assertThat(
            eventSource(
                """
          gerrit:
            full:
              projects: [app, team/lib]
              hookName: caravan
              webhook: {endpoint: /gerrit, port: "12000", url: "https://events.example.com"}
              events: [patchset-created, change-merged]
              auth: {username: {name: g, key: user}, password: {name: g, key: pass}}
              gerritBaseURL: https://review.example.com/
              sslVerify: true
              deleteHookOnFinish: true
              metadata: {team: a}
              filter: {expression: "body.type == 'patchset-created'"}
            all-events:
              projects: [app]
              webhook: {endpoint: /all, port: "12000"}
              events: []
              auth: {username: {name: g, key: user}, password: {name: g, key: pass}}
              gerritBaseURL: https://review.example.com/
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          gerrit:
            no-projects:
              webhook: {endpoint: /a, port: "12000"}
              events: []
              auth: {username: {name: g, key: u}, password: {name: g, key: p}}
              gerritBaseURL: https://g/
            no-events:
              projects: [p]
              webhook: {endpoint: /b, port: "12000"}
              auth: {username: {name: g, key: u}, password: {name: g, key: p}}
              gerritBaseURL: https://g/
            no-base:
              projects: [p]
              webhook: {endpoint: /c, port: "12000"}
              events: []
              auth: {username: {name: g, key: u}, password: {name: g, key: p}}
            no-auth:
              projects: [p]
              webhook: {endpoint: /d, port: "12000"}
              events: []
              gerritBaseURL: https://g/
            no-webhook:
              projects: [p]
              events: []
              auth: {username: {name: g, key: u}, password: {name: g, key: p}}
              gerritBaseURL: https://g/
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.gerrit.no-projects.projects", "projects cannot be empty"),
            tuple("spec.gerrit.no-events.events", "events can't be empty"),
            tuple("spec.gerrit.no-base.gerritBaseURL", "gerrit base url can't be empty"),
            tuple("spec.gerrit.no-auth.auth", "username and password can't be empty"),
            tuple("spec.gerrit.no-webhook.webhook", "webhook is required"));
  }

  @Test
  void warnsAboutSettingsThatCannotWorkAndReportsUnknownFields() {
    assertThat(
            eventSource(
                """
          gerrit:
            e:
              projects: [p]
              webhook:
                endpoint: /a
                port: "12000"
                url: https://e
                authSecret: {name: a, key: b}
              events: []
              auth: {username: {name: g, key: u}}
              gerritBaseURL: https://g/
              maxTries: 3
        """))
        .extracting(Diagnostic::severity, Diagnostic::path)
        .contains(
            tuple(Diagnostic.Severity.WARNING, "spec.gerrit.e.webhook.authSecret"),
            tuple(Diagnostic.Severity.WARNING, "spec.gerrit.e.auth"),
            tuple(Diagnostic.Severity.WARNING, "spec.gerrit.e.hookName"))
        .extracting(t -> t.toList().get(1))
        .contains("spec.gerrit.e.maxTries");
  }

  /** The manifest example of docs/sources/gerrit.md validates without errors. */
  @Test
  void theDocsPageExampleIsValid() throws Exception {
    String page =
        Files.readString(
            Path.of(System.getProperty("caravan.repo.dir", ".."), "docs", "sources", "gerrit.md"));
    int start = page.indexOf("```yaml\n") + "```yaml\n".length();
    String example = page.substring(start, page.indexOf("```", start));
    assertThat(example).contains("kind: EventSource");
    assertThat(errors(validate(example))).isEmpty();
  }
}
