package io.caravan.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.eventbus.EventBus;
import io.caravan.api.eventsource.CalendarEventSource;
import io.caravan.api.eventsource.EventPersistence;
import io.caravan.api.eventsource.EventSource;
import io.caravan.api.eventsource.WebhookEventSource;
import io.caravan.api.sensor.HttpTrigger;
import io.caravan.api.sensor.Sensor;
import io.caravan.api.sensor.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

  static final Path FIXTURES = Path.of("src/test/resources/manifests");

  static Manifest single(String file) {
    List<Manifest> manifests = ManifestReader.read(FIXTURES.resolve(file));
    assertThat(manifests).hasSize(1);
    return manifests.get(0);
  }

  @Test
  void readsTypedWebhookAndCalendarSources() {
    Manifest manifest = single("webhook-eventsource.yaml");

    assertThat(manifest.error()).isNull();
    assertThat(manifest.kind()).isEqualTo("EventSource");
    assertThat(manifest.name()).isEqualTo("orders");
    assertThat(manifest.namespace()).isEqualTo("shop");
    EventSource source = (EventSource) manifest.resource();
    WebhookEventSource webhook = source.getSpec().getWebhook().get("new-order");
    assertThat(webhook.getPort()).isEqualTo("12000");
    assertThat(webhook.getAuthSecret().getName()).isEqualTo("webhook-token");
    assertThat(webhook.getMaxPayloadSize()).isEqualTo(2048L);
    assertThat(webhook.getFilter().getExpression()).isEqualTo("body.amount > 10");
    assertThat(webhook.getMetadata()).containsEntry("origin", "shop");
    CalendarEventSource tick = source.getSpec().getCalendar().get("tick");
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
    for (String file : List.of("webhook-eventsource.yaml", "http-sensor.yaml", "unknown-fields.yaml")) {
      Manifest manifest = single(file);
      String yaml = ArgoMappers.toYaml(manifest.resource());
      JsonNode reread = ArgoMappers.yaml().readTree(yaml);
      JsonNode expected = ArgoMappers.yaml().readTree(Files.readString(FIXTURES.resolve(file)));
      // Only scalars YAML wrote as numbers may come back as strings (port, values, resourceVersion).
      assertThat(normalise(reread)).as(file).isEqualTo(normalise(expected));
    }
  }

  @Test
  void keepsUnknownFieldsAndOtherSourceTypesApart() {
    EventSource source = (EventSource) single("unknown-fields.yaml").resource();

    assertThat(source.getMetadata().unknownFields()).containsOnlyKeys("colour");
    assertThat(source.getSpec().unknownFields()).containsOnlyKeys("replica");
    assertThat(source.getSpec().otherSources()).containsOnlyKeys("kafka");
    assertThat(source.getSpec().otherSources().get("kafka").path("example").path("topic").asText())
        .isEqualTo("orders");
    assertThat(source.getSpec().getWebhook().get("example").unknownFields())
        .containsOnlyKeys("retries");
    EventPersistence persistence = source.getSpec().getCalendar().get("tick").getPersistence();
    assertThat(persistence.getCatchup().unknownFields()).containsOnlyKeys("since");
    assertThat(persistence.getCatchup().getEnabled()).isTrue();
    assertThat(persistence.getConfigMap().getName()).isEqualTo("calendar-state");
  }

  @Test
  void readsMultipleDocumentsSkippingEmptyOnesAndKeepingNonArgoRaw() {
    List<Manifest> manifests = ManifestReader.read(FIXTURES.resolve("multi-doc.yaml"));

    assertThat(manifests).extracting(Manifest::kind).containsExactly("Secret", "EventBus", "Sensor");
    Manifest secret = manifests.get(0);
    assertThat(secret.resource()).isNull();
    assertThat(secret.error()).isNull();
    assertThat(secret.raw().path("stringData").has("token")).isTrue();
    assertThat(manifests.get(1).resource()).isInstanceOf(EventBus.class);
    assertThat(((EventBus) manifests.get(1).resource()).getSpec().getJetstream().path("version").asText())
        .isEqualTo("latest");
    assertThat(manifests.get(2).documentIndex()).isGreaterThan(manifests.get(1).documentIndex());
  }

  @Test
  void reportsWrongFieldTypeWithLineAndPath() {
    Manifest sensor = ManifestReader.read(FIXTURES.resolve("multi-doc.yaml")).get(2);

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
    assertThat(((EventSource) manifest.resource()).getSpec().getCalendar().get("every-minute").getSchedule())
        .isEqualTo("* * * * *");
  }

  @Test
  void reportsADocumentThatIsNotAMapping() {
    Manifest manifest = single("not-a-manifest.yaml");

    assertThat(manifest.error()).contains("not a mapping");
  }

  @Test
  void readsDirectoriesRecursivelyInSortedOrderAndIgnoresOtherFiles(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("b/nested"));
    Files.writeString(dir.resolve("b/nested/z.yml"), "kind: ConfigMap\napiVersion: v1\n");
    Files.writeString(dir.resolve("a.yaml"), "kind: Secret\napiVersion: v1\n");
    Files.writeString(dir.resolve("notes.txt"), "kind: Ignored\n");
    Files.write(dir.resolve("binary.yaml"), new byte[] {0, 1, 2, (byte) 0xff});

    List<Manifest> manifests = ManifestReader.read(dir);

    assertThat(manifests).hasSize(3);
    assertThat(manifests.get(0).kind()).isEqualTo("Secret");
    assertThat(manifests.get(1).kind()).isEqualTo("ConfigMap");
    assertThat(manifests.get(2).file().getFileName().toString()).isEqualTo("binary.yaml");
    assertThat(manifests.get(2).error()).isNotNull();
  }

  @Test
  void reportsAMissingPathInsteadOfThrowing() {
    List<Manifest> manifests = ManifestReader.read(Path.of("does/not/exist.yaml"));

    assertThat(manifests).singleElement().extracting(Manifest::error).asString().contains("no such file");
  }

  /**
   * Compares documents with scalars as text, numbers in canonical form: {@code 12000},
   * {@code "12000"} and {@code 2.0} vs {@code 2} are the same value here.
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
