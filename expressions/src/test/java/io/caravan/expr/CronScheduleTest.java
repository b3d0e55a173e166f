package io.caravan.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;

/**
 * Argo (robfig) 5-field cron → Quartz: the converted expressions fire exactly at the expected
 * times.
 */
class CronScheduleTest {
  private static final ZoneId UTC = ZoneId.of("UTC");

  /**
   * The next {@code count} firings of the schedule's Quartz expressions (union), after {@code
   * from}.
   */
  private static List<LocalDateTime> firings(
      String schedule, ZoneId zone, LocalDateTime from, int count) throws Exception {
    List<CronExpression> expressions = new ArrayList<>();
    for (String text : CronSchedule.parse(schedule).quartzExpressions()) {
      CronExpression expression = new CronExpression(text);
      expression.setTimeZone(TimeZone.getTimeZone(zone));
      expressions.add(expression);
    }
    List<LocalDateTime> out = new ArrayList<>();
    Date at = Date.from(from.atZone(zone).toInstant());
    while (out.size() < count) {
      Date next = null;
      for (CronExpression expression : expressions) {
        Date candidate = expression.getNextValidTimeAfter(at);
        if (candidate != null && (next == null || candidate.before(next))) {
          next = candidate;
        }
      }
      out.add(LocalDateTime.ofInstant(next.toInstant(), zone));
      at = next;
    }
    return out;
  }

  private static LocalDateTime t(String iso) {
    return LocalDateTime.parse(iso);
  }

  @Test
  void everyMinuteAndSimpleFields() throws Exception {
    assertThat(CronSchedule.parse("* * * * *").quartzExpressions()).containsExactly("0 * * * * ?");
    assertThat(CronSchedule.parse("30 9 * * *").quartzExpressions())
        .containsExactly("0 30 9 * * ?");
    assertThat(firings("30 9 * * *", UTC, t("2024-01-01T10:00"), 2))
        .containsExactly(t("2024-01-02T09:30"), t("2024-01-03T09:30"));
  }

  @Test
  void dayOfMonthOrDayOfWeekWhenBothAreRestricted() throws Exception {
    // Midnight on the 1st of the month OR on Mondays (robfig/cron: either day field matches).
    assertThat(CronSchedule.parse("0 0 1 * MON").quartzExpressions()).hasSize(2);
    assertThat(firings("0 0 1 * MON", UTC, t("2024-01-02T00:00"), 6))
        .containsExactly(
            t("2024-01-08T00:00"),
            t("2024-01-15T00:00"),
            t("2024-01-22T00:00"),
            t("2024-01-29T00:00"),
            t("2024-02-01T00:00"),
            t("2024-02-05T00:00"));
    // A day matching both (Monday 1 April 2024) fires once.
    assertThat(firings("0 0 1 * 1", UTC, t("2024-03-31T12:00"), 2))
        .containsExactly(t("2024-04-01T00:00"), t("2024-04-08T00:00"));
  }

  @Test
  void starInOneDayFieldMeansTheOtherDecides() throws Exception {
    assertThat(firings("0 0 * * 1", UTC, t("2024-01-01T00:00"), 2))
        .containsExactly(t("2024-01-08T00:00"), t("2024-01-15T00:00"));
    assertThat(firings("0 0 15 * *", UTC, t("2024-01-01T00:00"), 2))
        .containsExactly(t("2024-01-15T00:00"), t("2024-02-15T00:00"));
    // "*/1" is still unrestricted in robfig/cron, so only Mondays match.
    assertThat(firings("0 0 */1 * 1", UTC, t("2024-01-01T00:00"), 1))
        .containsExactly(t("2024-01-08T00:00"));
    // "*/2" is restricted: odd days OR Mondays.
    assertThat(firings("0 0 */2 * 1", UTC, t("2024-01-01T00:00"), 4))
        .containsExactly(
            t("2024-01-03T00:00"),
            t("2024-01-05T00:00"),
            t("2024-01-07T00:00"),
            t("2024-01-08T00:00"));
  }

  @Test
  void namesRangesStepsAndLists() throws Exception {
    assertThat(CronSchedule.parse("30 6 * jan-mar sun,SAT").quartzExpressions())
        .containsExactly("0 30 6 ? 1,2,3 1,7");
    assertThat(CronSchedule.parse("*/15 9-17/4 * * mon-fri").quartzExpressions())
        .containsExactly("0 0,15,30,45 9,13,17 ? * 2,3,4,5,6");
    assertThat(CronSchedule.parse("5/20 * * * *").quartzExpressions())
        .containsExactly("0 5,25,45 * * * ?");
    assertThat(CronSchedule.parse("0 0 1,15 */6 ?").quartzExpressions())
        .containsExactly("0 0 0 1,15 1,7 ?");
  }

  @Test
  void sundayIsZeroAndSevenIsOutOfRangeAsInArgo() throws Exception {
    assertThat(CronSchedule.parse("0 0 * * 0").quartzExpressions()).containsExactly("0 0 0 ? * 1");
    assertThat(firings("0 0 * * 0", UTC, t("2024-01-01T00:00"), 1))
        .containsExactly(t("2024-01-07T00:00"));
    assertThat(CronSchedule.parse("0 0 * * 5-6").quartzExpressions())
        .containsExactly("0 0 0 ? * 6,7");
    assertThat(CronSchedule.problem("0 0 * * 7"))
        .isEqualTo("day-of-week value 7 is out of range 0-6");
    assertThat(CronSchedule.problem("0 0 * * 5-7"))
        .isEqualTo("day-of-week value 7 is out of range 0-6");
    assertThat(CronSchedule.problem("0 0 * * 5")).isNull();
  }

  @Test
  void evaluatedInTheGivenZoneAcrossDaylightSaving() throws Exception {
    ZoneId newYork = ZoneId.of("America/New_York");
    List<LocalDateTime> local = firings("0 9 * * *", newYork, t("2024-03-09T00:00"), 2);
    assertThat(local).containsExactly(t("2024-03-09T09:00"), t("2024-03-10T09:00"));
    assertThat(local.get(0).atZone(newYork).toInstant())
        .isEqualTo(Instant.parse("2024-03-09T14:00:00Z"));
    assertThat(local.get(1).atZone(newYork).toInstant())
        .isEqualTo(Instant.parse("2024-03-10T13:00:00Z"));
  }

  @Test
  void cronTzPrefixSetsTheZone() {
    CronSchedule schedule = CronSchedule.parse("CRON_TZ=Europe/Paris 0 9 * * *");
    assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(schedule.quartzExpressions()).containsExactly("0 0 9 * * ?");
    assertThat(CronSchedule.parse("TZ=UTC 0 9 * * *").zone()).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void invalidSchedulesNameTheField() {
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *"))
        .hasMessageContaining("'61 * * * *'")
        .hasMessageContaining("minute value 61 is out of range 0-59");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 * * 8"))
        .hasMessageContaining("day-of-week value 8");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 0 * *"))
        .hasMessageContaining("day-of-month value 0");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 * foo *"))
        .hasMessageContaining("month value 'foo'");
    assertThatThrownBy(() -> CronSchedule.parse("* * * *"))
        .hasMessageContaining("expected 5 fields");
    assertThatThrownBy(() -> CronSchedule.parse("0 * * * * *")).hasMessageContaining("got 6");
    assertThatThrownBy(() -> CronSchedule.parse("@hourly")).hasMessageContaining("descriptors");
    assertThatThrownBy(() -> CronSchedule.parse("*/0 * * * *"))
        .hasMessageContaining("step must be positive");
    assertThatThrownBy(() -> CronSchedule.parse("10-5 * * * *"))
        .hasMessageContaining("starts after it ends");
    assertThatThrownBy(() -> CronSchedule.parse("CRON_TZ=Mars/Olympus 0 9 * * *"))
        .hasMessageContaining("unknown time zone 'Mars/Olympus'");
  }

  @Test
  void quartzAcceptsEveryConvertedExpression() {
    for (String schedule :
        List.of(
            "* * * * *",
            "0 0 1 * MON",
            "*/7 */5 */3 */2 */2",
            "0 0 L * *".replace("L", "31"),
            "59 23 31 12 6",
            "0-59/30 0 * * sun-sat")) {
      for (String expression : CronSchedule.parse(schedule).quartzExpressions()) {
        assertThat(CronExpression.isValidExpression(expression))
            .as(schedule + " -> " + expression)
            .isTrue();
      }
    }
  }

  @Test
  void zonedFiringsOfAConsumerScheduleMatchLocalTimes() throws Exception {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    ZonedDateTime first =
        firings("0 12 * * *", tokyo, t("2024-06-01T13:00"), 1).get(0).atZone(tokyo);
    assertThat(first.toLocalDateTime()).isEqualTo(t("2024-06-02T12:00"));
    assertThat(first.toInstant()).isEqualTo(Instant.parse("2024-06-02T03:00:00Z"));
  }
}
