package io.caravan.generator.source.sns;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/** Argo's checks of an sns event ({@code awssns/validate.go}) and Caravan's. */
class SnsSourceTypeTest {

  @Test
  void acceptsASubscribedEndpointWithKeysOrDefaultCredentials() {
    assertThat(
            eventSource(
                """
          sns:
            keys:
              topicArn: arn:aws:sns:us-east-1:123456789012:deploys
              region: us-east-1
              webhook: {endpoint: /sns, port: "12000", method: POST, url: "https://e.example.com"}
              accessKey: {name: aws, key: access}
              secretKey: {name: aws, key: secret}
              validateSignature: true
              endpoint: http://localstack:4566
              metadata: {team: ops}
              filter: {expression: "body.Subject == 'deploy'"}
            default-credentials:
              topicArn: arn:aws:sns:eu-west-1:123456789012:builds
              region: eu-west-1
              webhook: {endpoint: /builds, port: "12000", url: "https://e.example.com"}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          sns:
            no-topic:
              region: us-east-1
              webhook: {endpoint: /a, port: "12000", url: "https://e"}
            no-region:
              topicArn: arn:aws:sns:us-east-1:1:t
              webhook: {endpoint: /b, port: "12000", url: "https://e"}
            no-webhook:
              topicArn: arn:aws:sns:us-east-1:1:t
              region: us-east-1
            role:
              topicArn: arn:aws:sns:us-east-1:1:t
              region: us-east-1
              roleARN: arn:aws:iam::1:role/events
              webhook: {endpoint: /d, port: "12000", url: "https://e"}
        """))
        .filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.sns.no-topic.topicArn", "must specify topic arn"),
            tuple("spec.sns.no-region.region", "must specify region"),
            tuple("spec.sns.no-webhook.webhook", "webhook is required"),
            tuple(
                "spec.sns.role.roleARN",
                "unsupported: roleARN (assuming an IAM role through STS is not built in; give"
                    + " accessKey/secretKey or the pod's default AWS credentials)"));
  }

  @Test
  void warnsAboutAMissingUrlAndHalfAKeyPair() {
    assertThat(
            eventSource(
                """
          sns:
            e:
              topicArn: arn:aws:sns:us-east-1:1:t
              region: us-east-1
              webhook: {endpoint: /e, port: "12000"}
              accessKey: {name: aws, key: access}
        """))
        .extracting(Diagnostic::severity, Diagnostic::path)
        .containsExactlyInAnyOrder(
            tuple(Diagnostic.Severity.WARNING, "spec.sns.e.webhook.url"),
            tuple(Diagnostic.Severity.WARNING, "spec.sns.e.accessKey"));
  }
}
