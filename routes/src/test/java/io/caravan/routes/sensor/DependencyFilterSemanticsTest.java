package io.caravan.routes.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.routes.testing.TestContexts;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of semantics/dependency-filters*.yaml, run through DependencyFilter. */
class DependencyFilterSemanticsTest {

  static Stream<Arguments> cases() {
    return Stream.concat(
        SemanticsCases.load("dependency-filters.yaml"), SemanticsCases.load("filter-kinds.yaml"));
  }

  static Stream<Arguments> rejected() {
    return SemanticsCases.load("dependency-filters-rejected.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void filtersLikeArgo(String name, Map<String, Object> c) {
    DependencyFilter filter = new DependencyFilter();
    filter.setSensorName("s");
    filter.setDependencyName("d");
    filter.setFilters(SemanticsCases.yaml(c.get("filters")));
    filter.setFiltersLogicalOperator((String) c.get("filtersLogicalOperator"));
    Map<String, Object> expect = (Map<String, Object>) c.get("expect");
    if ("none".equals(c.get("event"))) {
      Exchange exchange = new DefaultExchange(TestContexts.create());
      assertThat(filter.accept(exchange))
          .as("accept without an event")
          .isEqualTo(expect.get("match"));
      return;
    }

    FilterResult result = filter.evaluate(SemanticsCases.event(c.get("event")));

    assertThat(result.match()).as("match").isEqualTo(expect.get("match"));
    assertThat(!result.errors().isEmpty())
        .as("errors %s", result.errors())
        .isEqualTo(expect.get("errors"));
    if (expect.containsKey("error")) {
      assertThat(String.join("; ", result.errors())).contains((String) expect.get("error"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void refusesAtConfiguration(String name, Map<String, Object> c) {
    DependencyFilter filter = new DependencyFilter();
    filter.setSensorName("s");
    filter.setDependencyName("d");
    assertThatThrownBy(() -> filter.setFilters(SemanticsCases.yaml(c.get("filters"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Sensor 's' dependency 'd'")
        .hasMessageContaining((String) c.get("error"));
  }
}
