package io.caravan.generator.source.storagegrid;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/** Argo's checks of a storageGrid event ({@code storagegrid/validate.go}) and Caravan's. */
class StorageGridSourceTypeTest {

  @Test
  void acceptsARegisteredBucketNotification() {
    assertThat(
            eventSource(
                """
          storageGrid:
            uploads:
              webhook: {endpoint: /grid, port: "12000", method: POST, url: "https://e.example.com"}
              events: ["s3:ObjectCreated:*"]
              topicArn: urn:sgws:sns:us-east-1:uploads
              bucket: uploads
              region: us-east-1
              apiURL: https://grid.example.com/api/v3
              authToken: {name: grid, key: token}
              filter: {prefix: incoming/, suffix: .csv}
              tls: {caCertSecret: {name: grid, key: ca.crt}}
              metadata: {team: data}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          storageGrid:
            nothing:
              webhook: {endpoint: /a, port: "12000", url: "https://e"}
            no-webhook:
              events: ["s3:ObjectCreated:*"]
              topicArn: urn:t
              bucket: b
              apiURL: https://grid
              authToken: {name: grid, key: token}
        """))
        .filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.storageGrid.nothing.topicArn", "topic arn must be provided"),
            tuple("spec.storageGrid.nothing.apiURL", "api url must be provided"),
            tuple("spec.storageGrid.nothing.authToken", "api auth token must be provided"),
            tuple("spec.storageGrid.nothing.bucket", "bucket name must be provided"),
            tuple("spec.storageGrid.nothing.events", "event types must be provided"),
            tuple("spec.storageGrid.no-webhook.webhook", "webhook is required"));
  }

  @Test
  void warnsWithoutAUrlAndReportsExpressionFiltersAsUnknown() {
    assertThat(
            eventSource(
                """
          storageGrid:
            e:
              webhook: {endpoint: /e, port: "12000"}
              events: []
              topicArn: urn:t
              bucket: b
              apiURL: https://grid
              authToken: {name: grid, key: token}
              filter: {expression: "true"}
        """))
        .extracting(Diagnostic::path)
        .contains("spec.storageGrid.e.webhook.url", "spec.storageGrid.e.filter.expression");
  }
}
