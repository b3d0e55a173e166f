package io.caravan.routes.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.testing.TestContexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of semantics/trigger-conditions.yaml, run through TriggerConditions. */
class TriggerConditionsSemanticsTest {
  private final CamelContext camel = TestContexts.create();

  static Stream<Arguments> cases() {
    return SemanticsCases.load("trigger-conditions.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void correlatesLikeArgo(String name, Map<String, Object> c) {
    CorrelationStore store = new InMemoryCorrelationStore();
    TriggerConditions conditions = conditions((String) c.get("conditions"), store);
    if (c.containsKey("names")) {
      assertThat(ConditionExpression.parse((String) c.get("conditions")).names())
          .isEqualTo(c.get("names"));
    }

    List<Map<String, String>> fires = new ArrayList<>();
    List<Integer> firedAfter = new ArrayList<>();
    List<String> events = (List<String>) c.get("events");
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).equals("restart")) {
        // a new Sensor runtime: a new bean over the same (bus) store
        conditions = conditions((String) c.get("conditions"), store);
        continue;
      }
      String[] parts = events.get(i).split("/");
      Exchange exchange = new DefaultExchange(camel);
      exchange.setProperty(ExchangeKeys.DEPENDENCY, parts[0]);
      exchange.getMessage().setBody(SemanticsCases.event(Map.of("id", parts[1], "data", "{}")));
      conditions.process(exchange);
      if (exchange.isRouteStop()) {
        assertThat(exchange.getProperty(ExchangeKeys.FIRED)).isNull();
        continue;
      }
      assertThat(exchange.getProperty(ExchangeKeys.FIRED, Boolean.class)).isTrue();
      assertThat(exchange.getProperty(ExchangeKeys.SENSOR)).isEqualTo("sensor");
      assertThat(exchange.getProperty(ExchangeKeys.TRIGGER)).isEqualTo("trigger");
      Map<String, ArgoEvent> fired = exchange.getMessage().getBody(Map.class);
      Map<String, String> ids = new java.util.LinkedHashMap<>();
      fired.forEach((dep, event) -> ids.put(dep, event.id()));
      fires.add(ids);
      firedAfter.add(i);
    }

    List<Map<String, String>> expected = (List<Map<String, String>>) c.get("fires");
    assertThat(fires).isEqualTo(expected);
    for (int i = 0; i < fires.size(); i++) {
      assertThat(List.copyOf(fires.get(i).keySet()))
          .as("dependency order")
          .isEqualTo(List.copyOf(expected.get(i).keySet()));
    }
    assertThat(firedAfter).isEqualTo(c.get("firedAfter"));
  }

  private static TriggerConditions conditions(String expression, CorrelationStore store) {
    TriggerConditions conditions = new TriggerConditions();
    conditions.setSensorName("sensor");
    conditions.setTriggerName("trigger");
    conditions.setConditions(expression);
    conditions.setCorrelationStore(store);
    return conditions;
  }
}
