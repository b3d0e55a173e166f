package io.caravan.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.controller.model.EventBusResource;
import io.caravan.controller.model.EventSourceResource;
import io.caravan.controller.model.SensorResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets are mounted and referenced, never copied: no ConfigMap holds any Secret's value. */
class SecretsNeverInConfigMapsTest {

  @Test
  void noConfigMapContainsASecretValue() {
    MockCluster cluster = MockCluster.shared();
    String ns = cluster.namespace("secrets");
    cluster
        .client()
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("webhook-token")
                .endMetadata()
                .addToData(
                    "token",
                    Base64.getEncoder()
                        .encodeToString("tok-7f3a9c1e-webhook".getBytes(StandardCharsets.UTF_8)))
                .build())
        .create();
    cluster
        .client()
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("api-credentials")
                .endMetadata()
                .addToStringData("password", "pw-51d0c2aa-http")
                .build())
        .create();
    cluster.create(ns, EventBusResource.class, Fixtures.JETSTREAM_BUS);
    cluster.create(ns, EventSourceResource.class, Fixtures.webhookSource("hooks", "/deploy"));
    cluster.create(
        ns,
        SensorResource.class,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata:
          name: caller
        spec:
          dependencies:
            - name: dep
              eventSourceName: hooks
              eventName: deploy
          triggers:
            - template:
                name: call
                http:
                  url: http://api.example/hook
                  method: POST
                  basicAuth:
                    username:
                      name: api-credentials
                      key: user
                    password:
                      name: api-credentials
                      key: password
        """);
    cluster.awaitCondition(EventSourceResource.class, ns, "hooks", "Deployed", "True");
    SensorResource sensor = cluster.get(SensorResource.class, ns, "caller");
    org.awaitility.Awaitility.await()
        .until(() -> cluster.get(SensorResource.class, ns, "caller").getStatus() != null);

    List<String> secretValues = new ArrayList<>();
    for (Secret secret : cluster.client().secrets().inAnyNamespace().list().getItems()) {
      if (secret.getData() != null) {
        secret
            .getData()
            .values()
            .forEach(
                v ->
                    secretValues.add(
                        new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
      }
      if (secret.getStringData() != null) {
        secretValues.addAll(secret.getStringData().values());
      }
    }
    // The generated JetStream credentials are secret values too: the password line of the client
    // auth.
    List<String> needles = new ArrayList<>();
    for (String value : secretValues) {
      for (String line : value.split("\n")) {
        String v =
            line.contains("password: ")
                ? line.substring(line.indexOf("password: ") + 10)
                    .replace("\"", "")
                    .replaceAll("[ }\\]]+$", "")
                : line.trim();
        if (v.length() >= 8) {
          needles.add(v);
        }
      }
    }
    assertThat(needles).contains("tok-7f3a9c1e-webhook", "pw-51d0c2aa-http");
    List<ConfigMap> configMaps = cluster.client().configMaps().inAnyNamespace().list().getItems();
    assertThat(configMaps)
        .extracting(c -> c.getMetadata().getName())
        .contains("hooks-eventsource-routes");
    for (ConfigMap configMap : configMaps) {
      String all = String.valueOf(configMap.getData()) + configMap.getBinaryData();
      for (String needle : needles) {
        assertThat(all)
            .as(
                "ConfigMap %s/%s",
                configMap.getMetadata().getNamespace(), configMap.getMetadata().getName())
            .doesNotContain(needle);
      }
    }
    assertThat(sensor).isNotNull();
  }
}
