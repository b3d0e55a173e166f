package io.caravan.routes.source.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;

/** argo-calendar consumers on a real Quartz scheduler. */
class CalendarConsumerTest extends CamelTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A zone far from UTC, so "today" there differs from the machine's date for part of each day. */
  private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

  private static final String GO_TIME =
      "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})? [+-]\\d{4} \\S+";

  /** Today in Kiritimati when the routes were built; it and the next day are excluded. */
  private final LocalDate today = LocalDate.now(KIRITIMATI);

  private static String exdate(LocalDate date) {
    return "EXDATE:" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "T000000Z";
  }

  @Override
  protected RouteBuilder createRouteBuilder() {
    String excluded = exdate(today) + "," + exdate(today.plusDays(1));
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("argo-calendar:tick?interval=1s&metadata=RAW({\"team\":\"ops\"})")
            .routeId("tick")
            .to("argo-event:calendar/tick?type=calendar")
            .to("mock:tick");
        from("argo-calendar:minutely?schedule=RAW(* * * * *)&timezone=Pacific/Kiritimati&exclusionDates="
                + excluded)
            .routeId("minutely")
            .autoStartup(false)
            .to("mock:minutely");
        from("argo-calendar:pair?schedule=RAW(0 0 1 * MON)&timezone=UTC")
            .routeId("pair")
            .autoStartup(false)
            .to("mock:pair");
        from("argo-calendar:excludedTicks?interval=1s&timezone=Pacific/Kiritimati&exclusionDates="
                + excluded)
            .routeId("excludedTicks")
            .autoStartup(false)
            .to("mock:excluded");
      }
    };
  }

  private CalendarConsumer consumer(String routeId) {
    return (CalendarConsumer) context.getRoute(routeId).getConsumer();
  }

  @Test
  void intervalFiresWithGoEventTimeAndMetadata() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:tick");
    mock.expectedMinimumMessageCount(2);
    mock.setResultWaitTime(8_000);
    mock.assertIsSatisfied();

    ArgoEvent event = mock.getReceivedExchanges().get(0).getIn().getBody(ArgoEvent.class);
    assertThat(event.type()).isEqualTo("calendar");
    assertThat(event.source()).isEqualTo("calendar");
    assertThat(event.subject()).isEqualTo("tick");
    ObjectNode data = (ObjectNode) event.data();
    assertThat(data.get("metadata")).isEqualTo(JSON.readTree("{\"team\":\"ops\"}"));
    String eventTime = data.get("eventTime").asText();
    assertThat(eventTime).matches(GO_TIME);
    ZonedDateTime parsed =
        ZonedDateTime.parse(
            eventTime.substring(0, eventTime.lastIndexOf(' ')),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.n] xx"));
    assertThat(Duration.between(parsed.toInstant(), Instant.now()).abs())
        .isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void exclusionDatesMoveTheNextFiringPastThoseDates() throws Exception {
    context.getRouteController().startRoute("minutely");
    Instant next = consumer("minutely").nextFireTime();
    ZonedDateTime local = next.atZone(KIRITIMATI);
    // Today and tomorrow (in the schedule's zone) are excluded: the every-minute schedule resumes
    // at
    // midnight of the day after.
    assertThat(local.toLocalTime()).hasToString("00:00");
    assertThat(local.toLocalDate()).isEqualTo(today.plusDays(2));
  }

  @Test
  void firingsOnAnExcludedDateAreSkipped() throws Exception {
    context.getRouteController().startRoute("excludedTicks");
    MockEndpoint mock = getMockEndpoint("mock:excluded");
    CalendarConsumer consumer = consumer("excludedTicks");
    Instant excludedDay = today.plusDays(1).atTime(12, 0).atZone(KIRITIMATI).toInstant();
    Instant otherDay = today.plusDays(5).atTime(12, 0).atZone(KIRITIMATI).toInstant();

    consumer.fire(excludedDay);
    assertThat(mock.getReceivedCounter()).isZero();
    consumer.fire(otherDay);
    assertThat(mock.getReceivedCounter()).isEqualTo(1);
    assertThat(consumer.nextFireTime().atZone(KIRITIMATI).toLocalDate())
        .isEqualTo(today.plusDays(2));
  }

  @Test
  void dayOfMonthAndDayOfWeekUseTwoTriggersButFireOnce() throws Exception {
    context.getRouteController().startRoute("pair");
    CalendarConsumer consumer = consumer("pair");
    assertThat(consumer.triggers()).hasSize(2);
    Instant mondayFirst = Instant.parse("2024-04-01T00:00:00Z");
    consumer.fire(mondayFirst);
    consumer.fire(mondayFirst); // the second trigger of the pair, same scheduled time
    assertThat(getMockEndpoint("mock:pair").getReceivedCounter()).isEqualTo(1);
    consumer.fire(Instant.parse("2024-04-08T00:00:00Z"));
    assertThat(getMockEndpoint("mock:pair").getReceivedCounter()).isEqualTo(2);
  }

  @Test
  void firingsOfOneEndpointNeverOverlap() throws Exception {
    CalendarConsumer consumer = consumer("tick");
    JobKey job = consumer.triggers().get(0).getJobKey();
    assertThat(
            context
                .getComponent("argo-calendar", CalendarComponent.class)
                .scheduler()
                .getJobDetail(job)
                .isConcurrentExecutionDisallowed())
        .isTrue();
  }

  @Test
  void stoppingRemovesTheSchedule() throws Exception {
    CalendarConsumer consumer = consumer("tick");
    assertThat(consumer.nextFireTime()).isNotNull();
    context.getRouteController().stopRoute("tick");
    assertThat(consumer.nextFireTime()).isNull();
  }

  @Test
  void badOptionsFailWithTheField() {
    assertThatThrownBy(
            () ->
                context
                    .getEndpoint("argo-calendar:bad?schedule=RAW(61 * * * *)")
                    .createConsumer(exchange -> {}))
        .hasStackTraceContaining("minute value 61");
    assertThatThrownBy(
            () -> context.getEndpoint("argo-calendar:bad2").createConsumer(exchange -> {}))
        .hasStackTraceContaining("schedule or interval is required");
    assertThatThrownBy(
            () ->
                context
                    .getEndpoint("argo-calendar:bad3?interval=10&timezone=Nowhere/City")
                    .createConsumer(exchange -> {}))
        .hasStackTraceContaining("timezone 'Nowhere/City'");
  }
}
