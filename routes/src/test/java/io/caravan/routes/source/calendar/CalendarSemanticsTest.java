package io.caravan.routes.source.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.routes.testing.TestContexts;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of semantics/calendar.yaml. */
class CalendarSemanticsTest {
  private static final ObjectMapper YAML = new YAMLMapper();

  static Stream<Arguments> cases() throws Exception {
    try (InputStream in =
        CalendarSemanticsTest.class.getResourceAsStream("/semantics/calendar.yaml")) {
      List<Map<String, Object>> cases = YAML.readValue(in, new TypeReference<>() {});
      return cases.stream().map(c -> Arguments.of(c.get("name"), YAML.valueToTree(c)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void calendarValuesLikeArgo(String name, JsonNode c) {
    JsonNode expect = c.get("expect");
    if (c.has("catchUp")) {
      catchUp(c.get("catchUp"), expect);
    } else if (c.has("firings")) {
      firings(c.get("firings"), expect.get("published"));
    } else if (c.has("exclusionDates")) {
      assertThat(
              ExclusionDates.parse(c.get("exclusionDates").asText()).stream()
                  .map(Object::toString)
                  .toList())
          .isEqualTo(YAML.convertValue(expect.get("dates"), List.class));
    } else {
      JsonNode spec = c.get("eventData");
      ObjectNode metadata = spec.has("metadata") ? (ObjectNode) spec.get("metadata") : null;
      ObjectNode data =
          CalendarConsumer.eventData(ZonedDateTime.parse(spec.get("time").asText()), metadata);
      assertThat(data).isEqualTo(expect.get("data"));
    }
  }

  /**
   * Starts a real argo-calendar consumer with catch-up at a fixed "now", the persistence ConfigMap
   * holding {@code lastEvent}; records the events it sends on start and what it keeps.
   */
  private static void catchUp(JsonNode spec, JsonNode expect) {
    InMemoryCalendarEventStore store = new InMemoryCalendarEventStore();
    if (spec.has("lastEvent")) {
      store.save(
          "calendar-state",
          false,
          "vector",
          "{\"eventTime\":\"" + spec.get("lastEvent").asText() + "\"}");
    }
    StringBuilder uri =
        new StringBuilder("argo-calendar:vector?persistenceConfigMap=calendar-state&catchup=true");
    for (String option : List.of("schedule", "interval", "timezone", "exclusionDates")) {
      if (spec.has(option)) {
        uri.append('&')
            .append(option)
            .append("=RAW(")
            .append(spec.get(option).asText())
            .append(')');
      }
    }
    if (spec.has("maxDuration")) {
      uri.append("&catchupMaxDuration=").append(spec.get("maxDuration").asText());
    }
    try (CamelContext camel = TestContexts.create()) {
      camel.getRegistry().bind("calendarStore", store);
      camel
          .getComponent("argo-calendar", CalendarComponent.class)
          .setClock(Clock.fixed(Instant.parse(spec.get("now").asText()), ZoneOffset.UTC));
      camel.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from(uri.toString()).routeId("vector").to("mock:fired");
            }
          });
      MockEndpoint fired = camel.getEndpoint("mock:fired", MockEndpoint.class);
      camel.start();
      // Catch-up is over once the schedule is handed to Quartz; stop then, before the real clock
      // (Quartz's,
      // not the fixed one) reaches a schedule time and adds an event of today.
      CalendarConsumer consumer = (CalendarConsumer) camel.getRoute("vector").getConsumer();
      await("the schedule handed to Quartz")
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> consumer.nextFireTime() != null);
      camel.getRouteController().stopRoute("vector");
      List<String> sent =
          fired.getReceivedExchanges().stream()
              .map(e -> e.getIn().getBody(ObjectNode.class).get("eventTime").asText())
              .toList();
      assertThat(sent).isEqualTo(YAML.convertValue(expect.get("eventTimes"), List.class));
      String saved = store.load("calendar-state", false, "vector");
      if (expect.has("saved")) {
        assertThat(YAML.readTree(saved).get("eventTime").asText())
            .isEqualTo(expect.get("saved").asText());
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Fires a real argo-calendar consumer at the given instants and records which ones published. */
  private static void firings(JsonNode spec, JsonNode published) {
    try (CamelContext camel = TestContexts.create()) {
      String uri =
          "argo-calendar:vector?schedule=RAW("
              + spec.get("schedule").asText()
              + ")&timezone="
              + spec.get("timezone").asText()
              + "&exclusionDates="
              + spec.get("exclusionDates").asText();
      camel.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from(uri).routeId("vector").to("mock:fired");
            }
          });
      camel.start();
      CalendarConsumer consumer = (CalendarConsumer) camel.getRoute("vector").getConsumer();
      MockEndpoint fired = camel.getEndpoint("mock:fired", MockEndpoint.class);
      JsonNode at = spec.get("at");
      for (int i = 0; i < at.size(); i++) {
        int before = fired.getReceivedCounter();
        consumer.fire(Instant.parse(at.get(i).asText()));
        assertThat(fired.getReceivedCounter() > before)
            .as("published at " + at.get(i).asText())
            .isEqualTo(published.get(i).asBoolean());
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
