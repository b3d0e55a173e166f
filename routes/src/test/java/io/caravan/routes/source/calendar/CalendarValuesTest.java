package io.caravan.routes.source.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.expr.GoDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Go durations, EXDATE strings and Go's time.String() format. */
class CalendarValuesTest {
  @Test
  void goDurations() {
    assertThat(GoDuration.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(GoDuration.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(GoDuration.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("2h45m0.5s")).isEqualTo(Duration.ofSeconds(9900, 500_000_000));
    assertThat(GoDuration.parse("300ms")).isEqualTo(Duration.ofMillis(300));
    assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> GoDuration.parse("10")).hasMessageContaining("not a Go duration");
    assertThatThrownBy(() -> GoDuration.parse("10 s")).hasMessageContaining("not a Go duration");
    assertThatThrownBy(() -> GoDuration.parse("1d")).hasMessageContaining("not a Go duration");
  }

  @Test
  void exclusionDatesKeepOnlyTheCalendarDate() {
    assertThat(ExclusionDates.parse("EXDATE:20210101T000000Z,EXDATE:20211225T235959Z"))
        .containsExactly(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 25));
    // Several dates in one EXDATE string, a TZID form, and a bare date.
    assertThat(
            ExclusionDates.parse(
                "EXDATE:20210101T000000Z,20210102T120000Z,"
                    + "EXDATE;TZID=America/New_York:20210704T090000,20211231"))
        .containsExactly(
            LocalDate.of(2021, 1, 1),
            LocalDate.of(2021, 1, 2),
            LocalDate.of(2021, 7, 4),
            LocalDate.of(2021, 12, 31));
    assertThat(ExclusionDates.parse("")).isEmpty();
    assertThatThrownBy(() -> ExclusionDates.parse("EXDATE:2021-01-01"))
        .hasMessageContaining("'EXDATE:2021-01-01'");
    assertThatThrownBy(() -> ExclusionDates.parse("EXDATE:20211301T000000Z"))
        .hasMessageContaining("exclusionDates");
  }

  @Test
  void eventTimeIsGoTimeString() {
    assertThat(
            GoTimeFormat.format(
                ZonedDateTime.of(2020, 10, 19, 22, 50, 0, 319_200, ZoneId.of("UTC"))))
        .isEqualTo("2020-10-19 22:50:00.0003192 +0000 UTC");
    assertThat(GoTimeFormat.format(ZonedDateTime.of(2020, 10, 19, 22, 50, 0, 0, ZoneOffset.UTC)))
        .isEqualTo("2020-10-19 22:50:00 +0000 UTC");
    assertThat(
            GoTimeFormat.format(
                ZonedDateTime.of(2021, 7, 4, 9, 5, 7, 120_000_000, ZoneId.of("America/New_York"))))
        .isEqualTo("2021-07-04 09:05:07.12 -0400 EDT");
    assertThat(
            GoTimeFormat.format(
                ZonedDateTime.of(2021, 1, 4, 9, 5, 7, 1, ZoneId.of("Europe/Paris"))))
        .isEqualTo("2021-01-04 09:05:07.000000001 +0100 CET");
    assertThat(
            GoTimeFormat.format(
                ZonedDateTime.of(2021, 1, 4, 9, 5, 7, 0, ZoneOffset.ofHoursMinutes(5, 30))))
        .isEqualTo("2021-01-04 09:05:07 +0530 +0530");
  }

  @Test
  void persistedEventTimesAreReadBack() {
    assertThat(GoTimeFormat.parse("2020-10-19 22:50:00.0003192 +0000 UTC m=+683.567066901"))
        .isEqualTo(Instant.parse("2020-10-19T22:50:00.0003192Z"));
    assertThat(GoTimeFormat.parse("2021-07-04 09:05:07 -0400 EDT"))
        .isEqualTo(Instant.parse("2021-07-04T13:05:07Z"));
    assertThat(GoTimeFormat.parse("2021-01-04 09:05:07 +0530 +0530"))
        .isEqualTo(Instant.parse("2021-01-04T03:35:07Z"));
    ZonedDateTime any = ZonedDateTime.of(2026, 3, 29, 2, 30, 0, 5_000, ZoneId.of("Europe/Berlin"));
    assertThat(GoTimeFormat.parse(GoTimeFormat.format(any))).isEqualTo(any.toInstant());
    assertThatThrownBy(() -> GoTimeFormat.parse("2021-07-04T09:05:07Z"))
        .hasMessageContaining("not a Go time");
    assertThatThrownBy(() -> GoTimeFormat.parse(null)).hasMessageContaining("not a Go time");
  }
}
