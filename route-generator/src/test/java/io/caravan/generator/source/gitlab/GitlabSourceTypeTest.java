package io.caravan.generator.source.gitlab;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/** Argo's checks of a gitlab event ({@code gitlab/validate.go}, {@code start.go}) and Caravan's. */
class GitlabSourceTypeTest {

  @Test
  void acceptsProjectsGroupsAndTheDeprecatedProjectId() {
    assertThat(
            eventSource(
                """
          gitlab:
            hooks:
              projects: [platform/checkout, "42"]
              groups: [platform]
              webhook: {endpoint: /push, port: "12000", url: "https://events.example.com"}
              events: [PushEvents, MergeRequestsEvents, EmojiEvents, EnableSSLVerification]
              accessToken: {name: gl, key: token}
              secretToken: {name: gl, key: hook}
              enableSSLVerification: true
              gitlabBaseURL: https://gitlab.example.com
              deleteHookOnFinish: true
              metadata: {team: a}
              filter: {expression: "body.object_kind == 'push'"}
            old:
              projectID: "7"
              webhook: {endpoint: /old, port: "12000", url: "https://events.example.com"}
              events: [PushEvents]
              accessToken: {name: gl, key: token}
              gitlabBaseURL: https://gitlab.example.com
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessages() {
    assertThat(
            eventSource(
                """
          gitlab:
            nothing:
              webhook: {endpoint: /a, port: "12000"}
            unknown:
              projects: [p]
              webhook: {endpoint: /b, port: "12000", url: "https://e"}
              events: [PushEvents, Push Hook]
              accessToken: {name: gl, key: token}
              gitlabBaseURL: https://gitlab.example.com
            no-webhook:
              events: []
              accessToken: {name: gl, key: token}
              gitlabBaseURL: https://gitlab.example.com
        """))
        .filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.gitlab.nothing.events", "events can't be empty"),
            tuple("spec.gitlab.nothing.gitlabBaseURL", "gitlab base url can't be empty"),
            tuple("spec.gitlab.nothing.accessToken", "access token can't be nil"),
            tuple("spec.gitlab.unknown.events[1]", "unknown event Push Hook"),
            tuple("spec.gitlab.no-webhook.webhook", "webhook is required"));
  }

  @Test
  void eventNamesMatterOnlyWithManagedHooksAndTheTokenIsThenChecked() {
    assertThat(
            eventSource(
                """
          gitlab:
            e:
              projects: [p]
              webhook: {endpoint: /a, port: "12000", authSecret: {name: a, key: b}}
              events: [Push Hook]
              accessToken: {name: gl, key: token}
              secretToken: {name: gl, key: hook}
              gitlabBaseURL: https://gitlab.example.com
              sslVerify: true
        """))
        .extracting(Diagnostic::severity, Diagnostic::path)
        .containsExactlyInAnyOrder(
            tuple(Diagnostic.Severity.WARNING, "spec.gitlab.e.webhook.authSecret"),
            tuple(Diagnostic.Severity.WARNING, "spec.gitlab.e.secretToken"),
            tuple(Diagnostic.Severity.ERROR, "spec.gitlab.e.sslVerify"));
  }
}
