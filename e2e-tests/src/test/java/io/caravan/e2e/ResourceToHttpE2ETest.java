package io.caravan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.e2e.support.Caravan;
import io.caravan.e2e.support.RecordingHttpReceiver;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.source.resource.ResourceSourceComponent;
import io.caravan.routes.testing.NatsServerExtension;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A resource EventSource on the fabric8 mock API server (CRUD mode) and a Sensor in two runtimes
 * joined by a real JetStream server: ADD, UPDATE (with oldBody) and DELETE reach a real HTTP
 * receiver with the resource event data as parameters; a change made while the source was stopped
 * arrives once after its restart and nothing announced before is announced again.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ResourceToHttpE2ETest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();

  static KubernetesClient client;

  private final ObjectMapper json = new ObjectMapper();

  private static CaravanRuntime source() throws Exception {
    CaravanRuntime runtime =
        Caravan.manifests("manifests/resource-levels-eventsource.yaml")
            .bus(NATS.url())
            .kubernetes(client)
            .start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                runtime
                    .camelContext()
                    .getComponent("argo-resource", ResourceSourceComponent.class)
                    .isWatching());
    return runtime;
  }

  private static void level(String name, String level) {
    client
        .configMaps()
        .inNamespace("tuning")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToData("level", level)
                .build())
        .createOr(NonDeletingOperation::update);
  }

  @Test
  void changesReachTheHttpTriggerOnceAcrossARestart() throws Exception {
    level("level-api", "info");
    level("other", "debug"); // prefix filter
    try (RecordingHttpReceiver receiver = new RecordingHttpReceiver();
        CaravanRuntime sensor =
            Caravan.manifests("manifests/resource-levels-sensor.yaml")
                .with("RECEIVER", receiver.url("/levels"))
                .bus(NATS.url())
                .start()) {
      try (CaravanRuntime first = source()) {
        expect(receiver, "{\"change\":\"ADD\",\"name\":\"level-api\",\"level\":\"info\"}");
        level("level-api", "warn");
        expect(
            receiver,
            "{\"change\":\"UPDATE\",\"name\":\"level-api\",\"level\":\"warn\",\"was\":\"info\"}");
      }
      client.configMaps().inNamespace("tuning").withName("level-api").delete();
      level("level-web", "error");
      try (CaravanRuntime second = source()) {
        expect(receiver, "{\"change\":\"DELETE\",\"name\":\"level-api\"}");
        expect(receiver, "{\"change\":\"ADD\",\"name\":\"level-web\",\"level\":\"error\"}");
        Awaitility.await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> receiver.requests().size(), count -> count == 4);
      }
      assertThat(receiver.requests())
          .extracting(RecordingHttpReceiver.Request::body)
          .noneMatch(body -> body.contains("other"));
    }
  }

  /**
   * Waits for the request whose body has these fields (team always "platform", was "none" unless
   * given).
   */
  private void expect(RecordingHttpReceiver receiver, String fields) throws Exception {
    var expected = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(fields);
    expected.put("team", "platform");
    if (!expected.has("level")) {
      expected.put("level", "none");
    }
    if (!expected.has("was")) {
      expected.put("was", "none");
    }
    List<RecordingHttpReceiver.Request> fired =
        receiver.awaitRequests(
            1,
            Duration.ofSeconds(30),
            request -> {
              try {
                return json.readTree(request.body()).equals(expected);
              } catch (Exception e) {
                return false;
              }
            });
    assertThat(fired).hasSize(1);
  }
}
