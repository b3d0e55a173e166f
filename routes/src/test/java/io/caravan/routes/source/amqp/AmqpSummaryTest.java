package io.caravan.routes.source.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of an amqp event, found through the SourceSummary registry. */
class AmqpSummaryTest {
  @Test
  void describesBrokerExchangeRoutingKeyQueueAndAcknowledgementWithoutCredentials() {
    SourceSummary summary =
        ServiceLoader.load(SourceSummary.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.kamelet().equals("amqp-source"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.heading()).isEqualTo("AMQP consumers");
    assertThat(
            summary.describe(
                Map.of(
                    "url", "amqp://guest:s3cret@rabbitmq:5672/ops",
                    "exchangeName", "alerts",
                    "exchangeType", "topic",
                    "routingKey", "alerts.#")))
        .isEqualTo(
            "amqp://rabbitmq:5672/ops exchange 'alerts' (topic) routing key 'alerts.#'"
                + " queue (server-named)");
    assertThat(
            summary.describe(
                Map.of(
                    "urlSecret", "rabbitmq/url",
                    "exchangeName", "audit",
                    "exchangeType", "fanout",
                    "routingKey", "all",
                    "queueName", "caravan-audit",
                    "autoAck", false)))
        .isEqualTo(
            "URL from secret rabbitmq/url exchange 'audit' (fanout) routing key 'all'"
                + " queue 'caravan-audit', acknowledged after the bus");
  }
}
