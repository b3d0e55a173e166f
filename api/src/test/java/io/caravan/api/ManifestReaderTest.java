package io.caravan.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.eventbus.EventBus;
import io.caravan.api.eventsource.EventSource;
import io.caravan.api.eventsource.calendar.CalendarEventSource;
import io.caravan.api.eventsource.calendar.EventPersistence;
import io.caravan.api.eventsource.webhook.WebhookEventSource;
import io.caravan.api.sensor.HttpTrigger;
import io.caravan.api.sensor.Sensor;
import io.caravan.api.sensor.Trigger;
import io.caravan.api.testing.TestManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {

  static final Path FIXTURES = Path.of("src/test/resources/manifests");

  static Manifest single(String file) {
    List<Manifest> manifests = TestManifests.read(FIXTURES.resolve(file));
    assertThat(manifests).hasSize(1);
    return manifests.get(0);
  }

  /** One event of one source type, bound to its model as the route generator binds it. */
  static <T> T event(EventSource source, String type, String event, Class<T> model) {
    return ArgoMappers.json().convertValue(source.getSpec().sources(type).get(event), model);
  }

  @Test
  void readsSourcesAsWrittenAndTheirModelsBindThem() {
    Manifest manifest = single("webhook-eventsource.yaml");

    assertThat(manifest.error()).isNull();
    assertThat(manifest.kind()).isEqualTo("EventSource");
    assertThat(manifest.name()).isEqualTo("orders");
    assertThat(manifest.namespace()).isEqualTo("shop");
    EventSource source = (EventSource) manifest.resource();
    WebhookEventSource webhook = event(source, "webhook", "new-order", WebhookEventSource.class);
    assertThat(webhook.getPort()).isEqualTo("12000");
    assertThat(webhook.getAuthSecret().getName()).isEqualTo("webhook-token");
    assertThat(webhook.getMaxPayloadSize()).isEqualTo(2048L);
    assertThat(webhook.getFilter().getExpression()).isEqualTo("body.amount > 10");
    assertThat(webhook.getMetadata()).containsEntry("origin", "shop");
    CalendarEventSource tick = event(source, "calendar", "tick", CalendarEventSource.class);
    assertThat(tick.getInterval()).isEqualTo("10s");
    assertThat(tick.getExclusionDates()).containsExactly("EXDATE:20250101T000000Z");
    EventPersistence persistence = tick.getPersistence();
    assertThat(persistence.getCatchup().getEnabled()).isTrue();
    assertThat(persistence.getCatchup().getMaxDuration()).isEqualTo("5m");
    assertThat(persistence.getConfigMap().getName()).isEqualTo("calendar-state");
    assertThat(persistence.getConfigMap().getCreateIfNotExist()).isTrue();
    assertThat(persistence.unknownFields()).isEmpty();
    assertThat(source.getMetadata().kubernetesFields()).containsOnlyKeys("uid", "resourceVersion");
    assertThat(source.getMetadata().unknownFields()).isEmpty();
    assertThat(source.getSpec().unknownFields()).isEmpty();
  }

  @Test
  void readsSensorTriggersAndFilters() {
    Sensor sensor = (Sensor) single("http-sensor.yaml").resource();

    var dependency = sensor.getSpec().getDependencies().get(0);
    assertThat(dependency.getFilters().getData().get(0).getValue()).containsExactly("10");
    assertThat(dependency.getFilters().getTime().getStart()).isEqualTo("08:00:00");
    assertThat(dependency.getTransform().getJq()).isEqualTo(".body");
    Trigger forward = sensor.getSpec().getTriggers().get(0);
    HttpTrigger http = forward.getTemplate().getHttp();
    assertThat(http.getTimeout()).isEqualTo(5L);
    assertThat(http.getSecureHeaders().get(0).getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("token");
    assertThat(http.getPayload().get(0).getSrc().getDataKey()).isEqualTo("body.id");
    assertThat(forward.getRetryStrategy().getFactor()).isEqualTo(2.0);
    assertThat(forward.getPolicy().getStatus().getAllow()).containsExactly(200, 201);
    var k8s = sensor.getSpec().getTriggers().get(1).getTemplate().getK8s();
    assertThat(k8s.getSource().getResource().path("kind").asText()).isEqualTo("Pod");
    assertThat(k8s.getParameters().get(0).getOperation()).isEqualTo("overwrite");
    assertThat(sensor.getSpec().getTriggers().get(2).getTemplate().getLog().getIntervalSeconds())
        .isEqualTo(10L);
  }

  @Test
  void roundTripsToTheSameDocument() throws IOException {
    for (String file :
        List.of("webhook-eventsource.yaml", "http-sensor.yaml", "unknown-fields.yaml")) {
      Manifest manifest = single(file);
      String yaml = ArgoMappers.toYaml(manifest.resource());
      JsonNode reread = ArgoMappers.yaml().readTree(yaml);
      JsonNode expected = ArgoMappers.yaml().readTree(Files.readString(FIXTURES.resolve(file)));
      // Only scalars YAML wrote as numbers may come back as strings (port, values,
      // resourceVersion).
      assertThat(normalise(reread)).as(file).isEqualTo(normalise(expected));
    }
  }

  @Test
  void keepsUnknownFieldsAndOtherSourceTypesApart() {
    EventSource source = (EventSource) single("unknown-fields.yaml").resource();

    assertThat(source.getMetadata().unknownFields()).containsOnlyKeys("colour");
    assertThat(source.getSpec().unknownFields()).containsOnlyKeys("replica");
    assertThat(source.getSpec().sources()).containsOnlyKeys("webhook", "calendar", "kafka");
    assertThat(source.getSpec().sources("kafka").path("example").path("topic").asText())
        .isEqualTo("orders");
    assertThat(event(source, "webhook", "example", WebhookEventSource.class).unknownFields())
        .containsOnlyKeys("retries");
    EventPersistence persistence =
        event(source, "calendar", "tick", CalendarEventSource.class).getPersistence();
    assertThat(persistence.getCatchup().unknownFields()).containsOnlyKeys("since");
    assertThat(persistence.getCatchup().getEnabled()).isTrue();
    assertThat(persistence.getConfigMap().getName()).isEqualTo("calendar-state");
  }

  @Test
  void readsMultipleDocumentsSkippingEmptyOnesAndKeepingNonArgoRaw() {
    List<Manifest> manifests = TestManifests.read(FIXTURES.resolve("multi-doc.yaml"));

    assertThat(manifests)
        .extracting(Manifest::kind)
        .containsExactly("Secret", "EventBus", "Sensor");
    Manifest secret = manifests.get(0);
    assertThat(secret.resource()).isNull();
    assertThat(secret.error()).isNull();
    assertThat(secret.raw().path("stringData").has("token")).isTrue();
    assertThat(manifests.get(1).resource()).isInstanceOf(EventBus.class);
    assertThat(
            ((EventBus) manifests.get(1).resource())
                .getSpec()
                .getJetstream()
                .path("version")
                .asText())
        .isEqualTo("latest");
    assertThat(manifests.get(2).documentIndex()).isGreaterThan(manifests.get(1).documentIndex());
  }

  @Test
  void reportsWrongFieldTypeWithLineAndPath() {
    Manifest sensor = TestManifests.read(FIXTURES.resolve("multi-doc.yaml")).get(2);

    assertThat(sensor.resource()).isNull();
    assertThat(sensor.raw()).isNotNull();
    assertThat(sensor.name()).isEqualTo("s");
    assertThat(sensor.error())
        .isEqualTo("line 29: spec.triggers[0].template.http.timeout: expected a number");
  }

  @Test
  void reportsBrokenYamlWithLine() {
    Manifest broken = single("broken.yaml");

    assertThat(broken.resource()).isNull();
    assertThat(broken.error()).startsWith("line ").contains("invalid YAML");
  }

  @Test
  void readsJsonFiles() {
    Manifest manifest = single("eventsource.json");

    assertThat(manifest.error()).isNull();
    assertThat(
            event(
                    (EventSource) manifest.resource(),
                    "calendar",
                    "every-minute",
                    CalendarEventSource.class)
                .getSchedule())
        .isEqualTo("* * * * *");
  }

  @Test
  void reportsADocumentThatIsNotAMapping() {
    Manifest manifest = single("not-a-manifest.yaml");

    assertThat(manifest.error()).contains("not a mapping");
  }

  /**
   * Compares documents with scalars as text, numbers in canonical form: {@code 12000}, {@code
   * "12000"} and {@code 2.0} vs {@code 2} are the same value here.
   */
  private static JsonNode normalise(JsonNode node) {
    if (node.isValueNode()) {
      String text = node.asText();
      try {
        text = new java.math.BigDecimal(text).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException notANumber) {
        // keep the text
      }
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(text);
    }
    if (node.isArray()) {
      var array = ArgoMappers.json().createArrayNode();
      node.forEach(child -> array.add(normalise(child)));
      return array;
    }
    var object = ArgoMappers.json().createObjectNode();
    node.fields().forEachRemaining(e -> object.set(e.getKey(), normalise(e.getValue())));
    return object;
  }
}
