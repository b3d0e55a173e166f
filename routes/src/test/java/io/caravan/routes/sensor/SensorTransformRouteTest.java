package io.caravan.routes.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.testing.RouteContractTestSupport;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** A dependency with a transform, declared and used exactly as generated YAML does. */
class SensorTransformRouteTest extends RouteContractTestSupport {

  @Test
  void transformsBeforeFilteringAndDropsEventsItCannotTransform() throws Exception {
    String yaml;
    try (InputStream in = getClass().getResourceAsStream("/routes/sensor-transform.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(ResourceHelper.fromString("sensor.yaml", yaml));

    MockEndpoint fired = getMockEndpoint("mock:fired");
    fired.expectedMessageCount(1);
    // "250" only passes 'total >= 100' after the jq transform made it a number
    template.sendBody("direct:bus.big-order", event("{\"body\":{\"total\":\"250\"}}"));
    template.sendBody("direct:bus.big-order", event("{\"body\":{\"total\":\"20\"}}"));
    // tonumber fails on this: the transform drops the event, and the exchange still completes (ack)
    Exchange dropped =
        template.send(
            "direct:bus.big-order",
            e -> e.getMessage().setBody(event("{\"body\":{\"total\":\"lots\"}}")));
    fired.assertIsSatisfied();

    assertThat(dropped.getException()).isNull();
    ArgoEvent passed = fired.getExchanges().get(0).getMessage().getBody(ArgoEvent.class);
    assertThat(passed.data().at("/body/total").isNumber()).isTrue();
    assertThat(passed.data().at("/body/total").intValue()).isEqualTo(250);
  }

  private static ArgoEvent event(String dataJson) {
    return SemanticsCases.event(
        Map.of("id", ArgoEvent.newId(), "subject", "order", "data", dataJson));
  }
}
