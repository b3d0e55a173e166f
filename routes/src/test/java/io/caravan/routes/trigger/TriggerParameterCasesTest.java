package io.caravan.routes.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.api.sensor.TriggerParameter;
import io.caravan.api.sensor.TriggerParameterSource;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.testing.TestContexts;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** Parameter resolution and writing over the cases in {@code trigger/parameter-cases.yaml}. */
class TriggerParameterCasesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> cases() throws Exception {
    try (InputStream in =
        TriggerParameterCasesTest.class.getResourceAsStream("/trigger/parameter-cases.yaml")) {
      Map<String, Object> file = new Yaml().load(in);
      JsonNode cases = JSON.valueToTree(file.get("cases"));
      List<Arguments> arguments = new ArrayList<>();
      cases.forEach(c -> arguments.add(Arguments.of(c.get("name").asText(), c)));
      return arguments.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parameterCase(String name, JsonNode testCase) throws Exception {
    Map<String, ArgoEvent> events = events(testCase.get("events"));
    JsonNode expect = testCase.get("expect");
    if (testCase.has("resolve")) {
      TriggerParameterSource src =
          JSON.treeToValue(testCase.get("resolve"), TriggerParameterSource.class);
      if (expect.has("error")) {
        assertThatThrownBy(() -> ParameterResolver.resolve(src, events))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(expect.get("error").asText());
        return;
      }
      Optional<ParameterValue> value = ParameterResolver.resolve(src, events);
      if (expect.path("skipped").asBoolean()) {
        assertThat(value).isEmpty();
        return;
      }
      assertThat(value).isPresent();
      assertThat(value.get().text()).isEqualTo(expect.get("value").asText());
      if (expect.has("type")) {
        assertThat(value.get().type()).isEqualTo(expect.get("type").asText());
      }
    } else if (testCase.has("apply")) {
      JsonNode target = testCase.get("apply").get("target").deepCopy();
      List<TriggerParameter> params = params(testCase.get("apply").get("params"));
      if (expect.has("error")) {
        assertThatThrownBy(() -> TriggerParameters.apply(target, params, events, "params"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(expect.get("error").asText());
        return;
      }
      assertThat(TriggerParameters.apply(target, params, events, "params"))
          .isEqualTo(expect.get("result"));
    } else if (testCase.has("trigger")) {
      TriggerTemplate bean = new TriggerTemplate();
      bean.setSensorName("s");
      bean.setTriggerName("t");
      bean.setTrigger(JSON.writeValueAsString(testCase.get("trigger")));
      bean.setTriggerType(
          io.caravan.routes.testing.TriggerYaml.type(
              JSON.writeValueAsString(testCase.get("trigger"))));
      Exchange exchange = new DefaultExchange(TestContexts.create());
      exchange.getMessage().setBody(events);
      bean.process(exchange);
      assertThat(exchange.getMessage().getHeader(Exchange.HTTP_URI))
          .isEqualTo(expect.get("uri").asText());
      assertThat(exchange.getMessage().getHeader(Exchange.HTTP_METHOD))
          .isEqualTo(expect.get("method").asText());
      if (expect.has("body")) {
        assertThat(new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8))
            .isEqualTo(expect.get("body").asText());
      }
    } else {
      List<TriggerParameter> params = params(testCase.get("payload"));
      byte[] payload = TriggerParameters.payload(params, events, "payload");
      if (expect.has("payloadText")) {
        assertThat(new String(payload, StandardCharsets.UTF_8))
            .isEqualTo(expect.get("payloadText").asText());
      } else {
        assertThat(JSON.readTree(payload)).isEqualTo(expect.get("payload"));
      }
    }
  }

  private static List<TriggerParameter> params(JsonNode node) throws Exception {
    List<TriggerParameter> params = new ArrayList<>();
    for (JsonNode param : node) {
      params.add(JSON.treeToValue(param, TriggerParameter.class));
    }
    return params;
  }

  private static Map<String, ArgoEvent> events(JsonNode node) {
    Map<String, ArgoEvent> events = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            entry -> {
              JsonNode spec = entry.getValue();
              events.put(
                  entry.getKey(),
                  new ArgoEvent(
                      "1",
                      "webhook-gateway",
                      ArgoEvent.SPEC_VERSION,
                      "webhook",
                      "example-1",
                      "2026-11-22T08:15:30.250Z",
                      spec.path("datacontenttype").asText(ArgoEvent.JSON),
                      spec.get("data") instanceof ObjectNode data ? data : spec.get("data")));
            });
    return events;
  }
}
