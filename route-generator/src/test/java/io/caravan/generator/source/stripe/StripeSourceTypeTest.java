package io.caravan.generator.source.stripe;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/** Argo's checks of a stripe event ({@code stripe/validate.go}) and Caravan's warnings. */
class StripeSourceTypeTest {

  @Test
  void acceptsAReceiverARegisteredEndpointAndASigningSecret() {
    assertThat(
            eventSource(
                """
          stripe:
            receiver:
              webhook: {endpoint: /stripe, port: "12000", method: POST}
            registered:
              webhook: {endpoint: /charges, port: "12000", url: "https://events.example.com"}
              createWebhook: true
              apiKey: {name: stripe, key: api-key}
              eventFilter: [charge.succeeded, charge.failed]
              signingSecret: {name: stripe, key: whsec}
              metadata: {team: billing}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          stripe:
            no-key:
              webhook: {endpoint: /a, port: "12000", url: "https://e"}
              createWebhook: true
            no-webhook:
              eventFilter: [charge.succeeded]
            bad-secret:
              webhook: {endpoint: /c, port: "12000"}
              signingSecret: {name: stripe}
        """))
        .filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.stripe.no-key.apiKey", "api key K8s secret selector not provided"),
            tuple("spec.stripe.no-webhook.webhook", "webhook is required"),
            tuple("spec.stripe.bad-secret.signingSecret.key", "secret key is required"));
  }

  @Test
  void warnsAboutSettingsThatDoNothing() {
    assertThat(
            eventSource(
                """
          stripe:
            e:
              webhook: {endpoint: /e, port: "12000"}
              createWebhook: true
              apiKey: {name: stripe, key: api-key}
              namespace: argo-events
            f:
              webhook: {endpoint: /f, port: "12000"}
              apiKey: {name: stripe, key: api-key}
        """))
        .extracting(Diagnostic::severity, Diagnostic::path)
        .containsExactlyInAnyOrder(
            tuple(Diagnostic.Severity.WARNING, "spec.stripe.e.webhook.url"),
            tuple(Diagnostic.Severity.WARNING, "spec.stripe.e.namespace"),
            tuple(Diagnostic.Severity.WARNING, "spec.stripe.f.apiKey"));
  }
}
