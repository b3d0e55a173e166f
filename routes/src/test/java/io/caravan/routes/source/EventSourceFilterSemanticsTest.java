package io.caravan.routes.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.expr.ExpressionException;
import io.caravan.routes.testing.TestContexts;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of semantics/eventsource-filters.yaml, run through EventSourceFilter. */
class EventSourceFilterSemanticsTest {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> cases() throws Exception {
    try (InputStream in =
        EventSourceFilterSemanticsTest.class.getResourceAsStream(
            "/semantics/eventsource-filters.yaml")) {
      List<Map<String, Object>> cases = YAML.readValue(in, new TypeReference<>() {});
      return cases.stream().map(c -> Arguments.of(c.get("name"), c));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void filtersLikeArgo(String name, Map<String, Object> c) throws Exception {
    EventSourceFilter filter = filter((String) c.get("expression"));
    var data = JSON.readTree((String) c.get("data"));
    Map<String, Object> expect = (Map<String, Object>) c.get("expect");
    Exchange exchange = new DefaultExchange(TestContexts.create());
    exchange.getMessage().setBody(data);
    if (expect.containsKey("error")) {
      assertThatThrownBy(() -> filter.test(data))
          .isInstanceOf(ExpressionException.class)
          .hasMessageContaining((String) expect.get("error"));
      assertThat(filter.accept(exchange)).as("not published").isFalse();
      return;
    }
    assertThat(filter.test(data)).isEqualTo(expect.get("published"));
    assertThat(filter.accept(exchange)).isEqualTo(expect.get("published"));
  }

  @Test
  void anExpressionThatDoesNotParseRejectsEveryEvent() throws Exception {
    EventSourceFilter filter = filter("(id == 1");
    var data = JSON.readTree("{\"id\": 1}");
    assertThatThrownBy(() -> filter.test(data))
        .isInstanceOf(ExpressionException.class)
        .hasMessageContaining("expected ')'");
    Exchange exchange = new DefaultExchange(TestContexts.create());
    exchange.getMessage().setBody(data);
    assertThat(filter.accept(exchange)).isFalse();
  }

  private static EventSourceFilter filter(String expression) {
    EventSourceFilter filter = new EventSourceFilter();
    filter.setEventSourceName("es");
    filter.setEventName("ev");
    filter.setExpression(expression);
    return filter;
  }
}
