package io.caravan.routes.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Processor;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The kafka-source Kamelet and argo-kafka component against an in-JVM KRaft broker (inventory
 * §1.5.4, §2.3): event data and ids, consumer-group offsets committed only after the route passed,
 * a failed event retried instead of skipped, partition mode from the newest offset.
 */
class KafkaSourceTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static EmbeddedKafkaKraftBroker broker;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 2, "orders", "retries", "tail", "notjson");
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  private void routes(String topic, String mode) throws Exception {
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(meters, "ns"));
    context.getRegistry().bind(SecretStore.BEAN_NAME, new MapSecretStore());
    context
        .getRegistry()
        .bind(
            "failFirst",
            (Processor)
                exchange -> {
                  if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("bus down");
                  }
                });
    String yaml =
        """
        - route:
            id: kafka
            from:
              uri: kamelet:kafka-source
              parameters:
                eventSourceName: shop
                eventName: %s
                url: %s
                topic: %s
                jsonBody: true
                metadata: '{"team":"a"}'
        %s
              steps:
                - to: argo-event:shop/%s?type=kafka
                - process:
                    ref: failFirst
                - to: mock:events
        """
            .formatted(
                topic, broker.getBrokersAsString(), topic, mode.indent(8).stripTrailing(), topic);
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("kafka.yaml", yaml));
  }

  private static void send(String topic, int partition, String key, String value) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      ProducerRecord<byte[], byte[]> record =
          new ProducerRecord<>(
              topic,
              partition,
              1_765_101_600_123L,
              key.getBytes(StandardCharsets.UTF_8),
              value.getBytes(StandardCharsets.UTF_8));
      record.headers().add("trace", "abc".getBytes(StandardCharsets.UTF_8));
      producer.send(record).get();
    }
  }

  private List<ArgoEvent> events() {
    return getMockEndpoint("mock:events").getReceivedExchanges().stream()
        .map(e -> e.getIn().getBody(ArgoEvent.class))
        .toList();
  }

  private void awaitConnected() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                context.getRoutes().stream()
                    .anyMatch(
                        r -> r.getConsumer() instanceof KafkaSourceConsumer k && k.isConnected()));
  }

  private static long committed(String group, String topic, int partition) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
      OffsetAndMetadata offset =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get()
              .get(new TopicPartition(topic, partition));
      return offset == null ? -1 : offset.offset();
    }
  }

  @Test
  void groupModeGivesArgosDataAndIdAndCommitsAfterTheRoute() throws Exception {
    send("orders", 0, "o-1", "{\"amount\":10}");
    routes("orders", "groupName: caravan-orders\noldest: true");

    await().atMost(Duration.ofSeconds(30)).until(() -> events().size() == 1);
    ArgoEvent event = events().get(0);
    assertThat(event.id())
        .isEqualTo("shop:orders:" + broker.getBrokersAsString().split(",")[0] + ":orders:0:0");
    assertThat(event.data())
        .isEqualTo(
            JSON.readTree(
                """
                {"topic":"orders","key":"o-1","partition":0,"body":{"amount":10},
                 "timestamp":"2025-12-07 10:00:00.123 +0000 UTC","headers":{"trace":"abc"},
                 "metadata":{"team":"a"}}"""));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> committed("caravan-orders", "orders", 0) == 1);
  }

  @Test
  void aRecordTheRouteFailedOnIsRetriedNotSkippedAndNotCommittedBefore() throws Exception {
    failuresLeft.set(2);
    send("retries", 1, "r-1", "{\"n\":1}");
    send("retries", 1, "r-2", "{\"n\":2}");
    routes("retries", "groupName: caravan-retries\noldest: true");

    await().atMost(Duration.ofSeconds(30)).until(() -> events().size() == 2);
    assertThat(events()).extracting(e -> e.data().at("/body/n").asInt()).containsExactly(1, 2);
    assertThat(failuresLeft.get()).as("two failed attempts before").isNegative();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> committed("caravan-retries", "retries", 1) == 2);
  }

  @Test
  void partitionModeReadsOnlyWhatArrivesAfterTheStart() throws Exception {
    send("tail", 1, "old", "{\"old\":true}");
    routes("tail", "partition: 1");
    awaitConnected();
    send("tail", 0, "other", "{\"partition\":0}");
    send("tail", 1, "new", "{\"old\":false}");

    await().atMost(Duration.ofSeconds(30)).until(() -> events().size() == 1);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .untilAsserted(() -> assertThat(events()).hasSize(1));
    assertThat(events().get(0).data().get("key").asText()).isEqualTo("new");
  }

  @Test
  void aPayloadThatIsNotJsonIsCountedAndSkipped() throws Exception {
    send("notjson", 0, "bad", "not json");
    send("notjson", 0, "good", "{\"ok\":true}");
    routes("notjson", "groupName: caravan-notjson\noldest: true");

    await().atMost(Duration.ofSeconds(30)).until(() -> events().size() == 1);
    assertThat(events().get(0).data().get("key").asText()).isEqualTo("good");
    assertThat(
            meters
                .get("argo_events_events_processing_failed")
                .tags("eventsource_name", "shop", "event_name", "notjson")
                .counter()
                .count())
        .isEqualTo(1.0);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> committed("caravan-notjson", "notjson", 0) == 2);
  }
}
