package io.caravan.routes.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.routes.testing.TestContexts;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class DependencyFilterTest {
  private final DefaultCamelContext camel = TestContexts.create();

  private static DependencyFilter filter(String yaml) {
    DependencyFilter filter = new DependencyFilter();
    filter.setSensorName("s");
    filter.setDependencyName("d");
    filter.setFilters(yaml);
    return filter;
  }

  private Exchange exchange(Object body) {
    Exchange exchange = new DefaultExchange(camel);
    exchange.getMessage().setBody(body);
    return exchange;
  }

  @Test
  void withoutFiltersEveryEventPasses() {
    assertThat(filter(null).accept(exchange(SemanticsCases.event(Map.of("data", "{}"))))).isTrue();
    assertThat(filter("  \n").accept(exchange(SemanticsCases.event(Map.of("data", "{}")))))
        .isTrue();
  }

  @Test
  void aBodyThatIsNotAnEventIsRejected() {
    DependencyFilter filter = filter("data: [{path: k, type: string, value: [v]}]");
    assertThat(filter.accept(exchange(null))).isFalse();
    assertThat(filter.accept(exchange("{\"k\":\"v\"}"))).isFalse();
  }

  @Test
  void acceptUsesTheExchangeBody() {
    DependencyFilter filter = filter("data: [{path: k, type: string, value: [v]}]");
    assertThat(filter.accept(exchange(SemanticsCases.event(Map.of("data", "{\"k\":\"v\"}")))))
        .isTrue();
    assertThat(filter.accept(exchange(SemanticsCases.event(Map.of("data", "{\"k\":\"x\"}")))))
        .isFalse();
    assertThat(filter.accept(exchange(SemanticsCases.event(Map.of("data", "{}")))))
        .as("missing path")
        .isFalse();
  }

  @Test
  void refusesUnknownFiltersLogicalOperatorAndBadYaml() {
    DependencyFilter filter = filter(null);
    assertThatThrownBy(() -> filter.setFiltersLogicalOperator("xor"))
        .hasMessageContaining(
            "Sensor 's' dependency 'd': filtersLogicalOperator: unknown logical operator 'xor'");
    assertThatThrownBy(() -> filter("- not\n- an object"))
        .hasMessageContaining("filters: not a filters object");
  }
}
