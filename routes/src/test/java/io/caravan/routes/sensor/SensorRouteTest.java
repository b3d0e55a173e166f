package io.caravan.routes.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.testing.RouteContractTestSupport;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/**
 * The sensor beans declared and used exactly as generated YAML does, loaded with camel-yaml-dsl.
 */
class SensorRouteTest extends RouteContractTestSupport {

  private void load(String resource) throws Exception {
    String yaml;
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(ResourceHelper.fromString("sensor.yaml", yaml));
  }

  private static ArgoEvent event(String subject, String dataJson) {
    return SemanticsCases.event(
        Map.of("id", ArgoEvent.newId(), "subject", subject, "data", dataJson));
  }

  @Test
  void rawCamelPlaceholderParserRejectsGoTemplatesInBeanProperties() {
    assertThatThrownBy(() -> load("/routes/sensor-filter-conditions.yaml"))
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .rootCause()
        .hasMessageStartingWith("Property with key [ .Input | upper ] not found");
  }

  @Test
  void filtersAndCorrelatesThroughTheDeclaredBeans() throws Exception {
    ((PropertiesComponent) context.getPropertiesComponent())
        .setPropertiesParser(new IdentifierOnlyPlaceholders());
    load("/routes/sensor-filter-conditions.yaml");
    DependencyFilter filter =
        context
            .getRegistry()
            .lookupByNameAndType("sensor.webhook.dependency.test-dep", DependencyFilter.class);
    assertThat(filter.getFilters()).contains("'{{ .Input | upper }}'");
    assertThat(
            context
                .getRegistry()
                .lookupByNameAndType("sensor.webhook.dependency.other-dep", DependencyFilter.class)
                .getFilters())
        .contains("'{{ .Input }}'");

    MockEndpoint fired = getMockEndpoint("mock:fired");
    fired.expectedMessageCount(1);
    ArgoEvent hello = event("example", "{\"body\":{\"message\":\"hello\"}}");
    template.sendBody("direct:bus.test-dep", hello);
    // rejected by the filter; had it passed, it would have replaced 'hello' as the latest event
    template.sendBody("direct:bus.test-dep", event("example", "{\"body\":{\"message\":\"bye\"}}"));
    // rejected (1 is not > 1); had it passed, the trigger would have fired with it
    template.sendBody("direct:bus.other-dep", event("other", "{\"body\":{\"n\":1}}"));
    ArgoEvent two = event("other", "{\"body\":{\"n\":2}}");
    template.sendBody("direct:bus.other-dep", two);
    fired.assertIsSatisfied();

    Exchange exchange = fired.getExchanges().get(0);
    assertThat(exchange.getProperty(ExchangeKeys.FIRED, Boolean.class)).isTrue();
    assertThat(exchange.getProperty(ExchangeKeys.SENSOR)).isEqualTo("webhook");
    assertThat(exchange.getProperty(ExchangeKeys.TRIGGER)).isEqualTo("http-trigger");
    @SuppressWarnings("unchecked")
    Map<String, ArgoEvent> events = exchange.getMessage().getBody(Map.class);
    assertThat(events).containsExactly(Map.entry("test-dep", hello), Map.entry("other-dep", two));
  }
}
