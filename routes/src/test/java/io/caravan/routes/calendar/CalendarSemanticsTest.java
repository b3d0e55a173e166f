package io.caravan.routes.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of semantics/calendar.yaml. */
class CalendarSemanticsTest {
  private static final ObjectMapper YAML = new YAMLMapper();

  static Stream<Arguments> cases() throws Exception {
    try (InputStream in = CalendarSemanticsTest.class.getResourceAsStream("/semantics/calendar.yaml")) {
      List<Map<String, Object>> cases = YAML.readValue(in, new TypeReference<>() {});
      return cases.stream().map(c -> Arguments.of(c.get("name"), YAML.valueToTree(c)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void calendarValuesLikeArgo(String name, JsonNode c) {
    JsonNode expect = c.get("expect");
    if (c.has("exclusionDates")) {
      assertThat(ExclusionDates.parse(c.get("exclusionDates").asText()).stream().map(Object::toString).toList())
          .isEqualTo(YAML.convertValue(expect.get("dates"), List.class));
    } else {
      JsonNode spec = c.get("eventData");
      ObjectNode metadata = spec.has("metadata") ? (ObjectNode) spec.get("metadata") : null;
      ObjectNode data = CalendarConsumer.eventData(ZonedDateTime.parse(spec.get("time").asText()), metadata);
      assertThat(data).isEqualTo(expect.get("data"));
    }
  }
}
