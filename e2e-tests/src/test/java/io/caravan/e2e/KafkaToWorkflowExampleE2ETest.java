package io.caravan.e2e;

import static io.caravan.e2e.WebhookToTriggerE2ETest.WORKFLOWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.Caravan;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.testing.NatsServerExtension;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * examples/kafka-to-workflow as written, over a real JetStream, an in-JVM Kafka broker and the
 * fabric8 mock API server (CRUD mode): a production release submits one rollout Workflow with the
 * record's service and version; a staging release does nothing.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KafkaToWorkflowExampleE2ETest {
  private static final Path EXAMPLE =
      Path.of(System.getProperty("caravan.repo.dir", ".."), "examples", "kafka-to-workflow");

  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  static KubernetesClient client;
  private static EmbeddedKafkaKraftBroker kafka;

  @BeforeAll
  static void startKafka() {
    kafka = new EmbeddedKafkaKraftBroker(1, 1, "releases");
    kafka.afterPropertiesSet();
  }

  @AfterAll
  static void stopKafka() {
    kafka.destroy();
  }

  @Test
  void aProductionReleaseSubmitsTheRolloutWorkflow() throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
            new StringSerializer(),
            new StringSerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  "releases",
                  "billing",
                  "{\"service\":\"billing\",\"version\":\"3.1.0\",\"environment\":\"staging\"}"))
          .get();
      producer
          .send(
              new ProducerRecord<>(
                  "releases",
                  "billing",
                  "{\"service\":\"billing\",\"version\":\"3.1.1\",\"environment\":\"production\"}"))
          .get();
    }
    try (CaravanRuntime runtime =
        Caravan.manifests(
                "file:" + EXAMPLE.resolve("eventsource.yaml"),
                "file:" + EXAMPLE.resolve("sensor.yaml"))
            .bus(NATS.url())
            .kubernetes(client)
            .start(
                text ->
                    text.replace(
                        "kafka-0.kafka.messaging:9092,kafka-1.kafka.messaging:9092",
                        kafka.getBrokersAsString()))) {
      List<GenericKubernetesResource> workflows =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () ->
                      client
                          .genericKubernetesResources(WORKFLOWS)
                          .inNamespace("delivery")
                          .list()
                          .getItems(),
                  items -> !items.isEmpty());
      GenericKubernetesResource workflow = workflows.get(0);
      assertThat(workflow.getMetadata().getName()).startsWith("rollout-");
      JsonNode spec =
          new ObjectMapper().valueToTree(workflow.getAdditionalProperties().get("spec"));
      assertThat(spec.at("/arguments/parameters/0/value").asText()).isEqualTo("billing");
      assertThat(spec.at("/arguments/parameters/1/value").asText()).isEqualTo("3.1.1");
      await()
          .during(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(4))
          .until(
              () ->
                  client
                      .genericKubernetesResources(WORKFLOWS)
                      .inNamespace("delivery")
                      .list()
                      .getItems()
                      .size(),
              count -> count == 1);
    }
  }
}
