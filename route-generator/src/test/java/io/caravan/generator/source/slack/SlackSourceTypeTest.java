package io.caravan.generator.source.slack;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Argo's checks of a slack event ({@code slack/validate.go}) and Caravan's warnings. */
class SlackSourceTypeTest {

  @Test
  void acceptsTokenSigningSecretAndAnEndpoint() {
    assertThat(
            eventSource(
                """
          slack:
            app:
              webhook: {endpoint: /slack, port: "12000", method: POST}
              token: {name: slack, key: token}
              signingSecret: {name: slack, key: signing}
              filter: {expression: "type == 'app_mention'"}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          slack:
            no-token:
              webhook: {endpoint: /a, port: "12000"}
              signingSecret: {name: slack, key: signing}
            no-secret:
              webhook: {endpoint: /b, port: "12000"}
              token: {name: slack, key: token}
            no-webhook:
              token: {name: slack, key: token}
              signingSecret: {name: slack, key: signing}
            bad-port:
              webhook: {endpoint: /d, port: "http"}
              token: {name: slack}
              signingSecret: {name: slack, key: signing}
        """))
        .filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.slack.no-token.token", "token not provided"),
            tuple("spec.slack.no-secret.signingSecret", "signingSecret not provided"),
            tuple("spec.slack.no-webhook.webhook", "webhook is required"),
            tuple("spec.slack.bad-port.token.key", "secret key is required"),
            tuple(
                "spec.slack.bad-port.webhook.port",
                "port 'http' must be a number from 1 to 65535"));
  }

  @Test
  void warnsAboutSettingsArgosSlackSourceDoesNotUse() {
    List<Diagnostic> found =
        eventSource(
            """
          slack:
            app:
              webhook:
                endpoint: /slack
                port: "12000"
                authSecret: {name: slack, key: bearer}
              token: {name: slack, key: token}
              signingSecret: {name: slack, key: signing}
              metadata: {team: ops}
              channel: general
        """);
    assertThat(found)
        .extracting(Diagnostic::severity, Diagnostic::path)
        .contains(
            tuple(Diagnostic.Severity.WARNING, "spec.slack.app.webhook.authSecret"),
            tuple(Diagnostic.Severity.WARNING, "spec.slack.app.metadata"));
    // unknown fields are reported at their path
    assertThat(found).anyMatch(d -> d.path().equals("spec.slack.app.channel"));
  }
}
