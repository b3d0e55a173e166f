package io.caravan.routes.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.testing.TestContexts;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of semantics/transforms.yaml, run through DependencyTransform. */
class DependencyTransformSemanticsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> cases() {
    return SemanticsCases.load("transforms.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void transformsLikeArgo(String name, Map<String, Object> c) throws Exception {
    DependencyTransform transform = transform(SemanticsCases.yaml(c.get("transform")));
    Map<String, Object> event = new HashMap<>();
    event.put("data", c.get("data"));
    ArgoEvent in = SemanticsCases.event(event);
    Map<String, Object> expect = (Map<String, Object>) c.get("expect");
    if (expect.containsKey("error")) {
      assertThatThrownBy(() -> transform.apply(in))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining((String) expect.get("error"));
      Exchange exchange = exchange(in);
      transform.transform(exchange);
      assertThat(exchange.isRouteStop()).as("the event is dropped").isTrue();
      return;
    }
    ArgoEvent out = transform.apply(in);
    Object data = expect.get("data");
    if (data == null) {
      assertThat(out.data()).isNull();
      return;
    }
    JsonNode expected = JSON.readTree((String) data);
    assertThat(out.data()).isEqualTo(expected);
    if (Boolean.TRUE.equals(expect.get("ordered"))) {
      assertThat(out.data().toString()).isEqualTo(expected.toString());
    }
    assertThat(out.id()).isEqualTo(in.id());
    Exchange exchange = exchange(in);
    transform.transform(exchange);
    assertThat(exchange.isRouteStop()).isFalse();
    assertThat(exchange.getMessage().getBody(ArgoEvent.class).data()).isEqualTo(expected);
  }

  @Test
  void refusesATransformThatDoesNotCompile() {
    assertThatThrownBy(() -> transform("jq: '.a +'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Sensor 's' dependency 'd': transform.jq");
    assertThatThrownBy(() -> transform("script: 'return ('"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transform.script");
  }

  @Test
  void theLuaSandboxHasNoFilesOrProcesses() {
    DependencyTransform transform =
        transform("script: \"event.os = tostring(os)\\nevent.io = tostring(io)\\nreturn event\"");
    ArgoEvent out = transform.apply(SemanticsCases.event(Map.of("data", "{}")));
    assertThat(out.data().get("os").asText()).isEqualTo("nil");
    assertThat(out.data().get("io").asText()).isEqualTo("nil");
  }

  private static DependencyTransform transform(String yaml) {
    DependencyTransform transform = new DependencyTransform();
    transform.setSensorName("s");
    transform.setDependencyName("d");
    transform.setTransform(yaml);
    return transform;
  }

  private static Exchange exchange(ArgoEvent event) {
    Exchange exchange = new DefaultExchange(TestContexts.create());
    exchange.getMessage().setBody(event);
    return exchange;
  }
}
