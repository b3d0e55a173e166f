package io.caravan.routes.source.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.testing.RouteContractTestSupport;
import java.time.ZoneId;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/** The calendar-source Kamelet used from a YAML route, as generated EventSource routes use it. */
class CalendarKameletTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void kameletPassesEveryOptionThrough() throws Exception {
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(
            ResourceHelper.fromString(
                "calendar.yaml",
                """
        - route:
            id: eventsource.calendar.every-second
            from:
              uri: kamelet:calendar-source
              parameters:
                name: every-second
                interval: 1s
                metadata: 'RAW({"a":"b & c"})'
              steps:
                - to: mock:ticks
        - route:
            id: eventsource.calendar.weekdays
            autoStartup: false
            from:
              uri: kamelet:calendar-source
              parameters:
                name: weekdays
                schedule: '*/10 9-17 * * mon-fri'
                timezone: America/New_York
                exclusionDates: EXDATE:20301225T000000Z,EXDATE:20310101T000000Z
              steps:
                - to: mock:weekdays
        """));
    MockEndpoint ticks = getMockEndpoint("mock:ticks");
    ticks.expectedMinimumMessageCount(1);
    ticks.setResultWaitTime(8_000);
    ticks.assertIsSatisfied();
    ObjectNode data = ticks.getReceivedExchanges().get(0).getIn().getBody(ObjectNode.class);
    assertThat(data.get("metadata")).isEqualTo(JSON.readTree("{\"a\":\"b & c\"}"));
    assertThat(data.get("eventTime").asText()).isNotBlank();

    CalendarEndpoint weekdays =
        context.getEndpoints().stream()
            .filter(e -> e instanceof CalendarEndpoint c && c.getName().equals("weekdays"))
            .map(CalendarEndpoint.class::cast)
            .findFirst()
            .orElseThrow();
    context.getRouteController().startRoute("eventsource.calendar.weekdays");
    assertThat(weekdays.getSchedule()).isEqualTo("*/10 9-17 * * mon-fri");
    assertThat(weekdays.scheduleZone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(weekdays.excluded()).hasSize(2);
  }

  @Test
  void kameletPassesPersistenceThrough() throws Exception {
    context.getRegistry().bind("calendarStore", new InMemoryCalendarEventStore());
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(
            ResourceHelper.fromString(
                "persistent.yaml",
                """
        - route:
            id: eventsource.jobs.nightly
            from:
              uri: kamelet:calendar-source
              parameters:
                name: jobs.nightly
                schedule: 15 2 * * *
                persistenceConfigMap: jobs-state
                persistenceCreate: true
                catchup: true
                catchupMaxDuration: 10m
              steps:
                - to: mock:nightly
        - route:
            id: eventsource.jobs.plain
            from:
              uri: kamelet:calendar-source
              parameters:
                name: jobs.plain
                interval: 1h
              steps:
                - to: mock:plain
        """));
    CalendarEndpoint nightly = endpoint("jobs.nightly");
    assertThat(nightly.getPersistenceConfigMap()).isEqualTo("jobs-state");
    assertThat(nightly.isPersistenceCreate()).isTrue();
    assertThat(nightly.isCatchup()).isTrue();
    assertThat(nightly.maxCatchup()).isEqualTo(java.time.Duration.ofMinutes(10));
    CalendarEndpoint plain = endpoint("jobs.plain");
    assertThat(plain.persistent()).isFalse();
    assertThat(plain.isCatchup()).isFalse();
  }

  private CalendarEndpoint endpoint(String name) {
    return context.getEndpoints().stream()
        .filter(e -> e instanceof CalendarEndpoint c && c.getName().equals(name))
        .map(CalendarEndpoint.class::cast)
        .findFirst()
        .orElseThrow();
  }
}
