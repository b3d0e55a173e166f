package io.caravan.routes.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.testing.TestContexts;
import io.caravan.routes.trigger.k8s.KubernetesResourceSink;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The TriggerTemplate bean's message for each trigger type, and its errors. */
class TriggerTemplateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MapSecretStore secrets =
      new MapSecretStore()
          .putSecret("creds", "user", "alice")
          .putSecret("creds", "password", "pw")
          .putConfigMap("settings", "tenant", "blue");

  @Test
  void httpMessageHasUriMethodHeadersAndPayloadButNoContentType() throws Exception {
    Message message =
        run(
            """
        template:
          name: t
          http:
            url: http://receiver/hook
            payload:
              - src: {dependencyName: d, dataKey: body.n, useRawData: true}
                dest: n
            dynamicHeaders:
              - src: {dependencyName: d, dataTemplate: '{{ .Input.body.who | upper }}'}
                dest: X-Who
            secureHeaders:
              - name: X-Tenant
                valueFrom:
                  configMapKeyRef: {name: settings, key: tenant}
            basicAuth:
              username: {name: creds, key: user}
              password: {name: creds, key: password}
        """,
            "{\"n\":7,\"who\":\"bob\"}");

    assertThat(message.getHeader(Exchange.HTTP_URI)).isEqualTo("http://receiver/hook");
    assertThat(message.getHeader(Exchange.HTTP_METHOD)).isEqualTo("POST");
    assertThat(message.getHeader("caravan.http.header.X-Who")).isEqualTo("BOB");
    assertThat(message.getHeader("caravan.http.header.X-Tenant")).isEqualTo("blue");
    assertThat(message.getHeader("caravan.http.header.Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8)));
    assertThat(message.getHeader(Exchange.CONTENT_TYPE)).isNull();
    assertThat(new String(message.getBody(byte[].class), StandardCharsets.UTF_8))
        .isEqualTo("{\"n\":7}");
  }

  @Test
  void templateLevelParametersChangeTheTemplateBeforeItRuns() throws Exception {
    Message message =
        run(
            """
        template:
          name: t
          http:
            url: http://receiver/default
            method: POST
        parameters:
          - src: {dependencyName: d, dataKey: body.url}
            dest: http.url
          - src: {dependencyName: d, dataKey: body.method}
            dest: http.method
        """,
            "{\"url\":\"http://other/path\",\"method\":\"delete\"}");

    assertThat(message.getHeader(Exchange.HTTP_URI)).isEqualTo("http://other/path");
    assertThat(message.getHeader(Exchange.HTTP_METHOD)).isEqualTo("DELETE");
    assertThat(message.getBody(byte[].class)).isEmpty();
  }

  @Test
  void httpResourceParametersWithAnUnknownDestChangeNothing() throws Exception {
    Message message =
        run(
            """
        template:
          name: t
          http:
            url: http://fake:12000
            method: POST
            parameters:
              - src: {dependencyName: d, dataKey: body.url, value: http://default}
                dest: serverURL
              - src: {dependencyName: d, dataKey: body.method}
                dest: method
        """,
            "{\"url\":\"http://another-fake\",\"method\":\"GET\"}");

    assertThat(message.getHeader(Exchange.HTTP_URI)).isEqualTo("http://fake:12000");
    assertThat(message.getHeader(Exchange.HTTP_METHOD)).isEqualTo("GET");
  }

  @Test
  void k8sInlineYamlBecomesTheResourceWithLabelsAndTheNamespaceHeader() throws Exception {
    Message message =
        run(
            """
        template:
          name: make-config
          k8s:
            operation: create
            source:
              inline: |
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cfg
                data:
                  key: value
            parameters:
              - src: {dependencyName: d, dataKey: body.v}
                dest: data.key
        """,
            "{\"v\":\"from-event\"}");

    @SuppressWarnings("unchecked")
    Map<String, Object> resource = message.getBody(Map.class);
    ObjectNode json = JSON.valueToTree(resource);
    assertThat(json.at("/data/key").asText()).isEqualTo("from-event");
    assertThat(json.at("/metadata/labels").toString())
        .contains(
            "\"events.argoproj.io/sensor\":\"s\"",
            "\"events.argoproj.io/trigger\":\"make-config\"",
            "events.argoproj.io/action-timestamp");
    assertThat(message.getHeader(KubernetesResourceSink.NAMESPACE_HEADER)).isEqualTo("argo-events");
  }

  @Test
  void aBodyThatIsNotTheFiredEventsIsAClearError() {
    TriggerTemplate bean = bean("template:\n  name: t\n  log: {}\n");
    Exchange exchange = new DefaultExchange(TestContexts.create());
    exchange.getMessage().setBody("text");

    assertThatThrownBy(() -> bean.process(exchange))
        .hasMessageContaining("sensor 's' trigger 't'")
        .hasMessageContaining("Map of dependency to ArgoEvent");
  }

  private Message run(String trigger, String body) throws Exception {
    TriggerTemplate bean = bean(trigger);
    Exchange exchange = new DefaultExchange(TestContexts.create());
    ObjectNode data = JSON.createObjectNode();
    data.set("body", JSON.readTree(body));
    exchange.getMessage().setBody(Map.of("d", ArgoEvent.create("src", "ev", "webhook", data)));
    bean.process(exchange);
    return exchange.getMessage();
  }

  private TriggerTemplate bean(String trigger) {
    TriggerTemplate bean = new TriggerTemplate();
    bean.setSensorName("s");
    bean.setTriggerName("t");
    bean.setNamespace("argo-events");
    bean.setSecretStore(secrets);
    bean.setTrigger(trigger);
    bean.setTriggerType(io.caravan.routes.testing.TriggerYaml.type(trigger));
    return bean;
  }
}
