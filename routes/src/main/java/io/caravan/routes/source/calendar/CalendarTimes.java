package io.caravan.routes.source.calendar;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * The schedule of one calendar event as arithmetic, for catch-up: the next time after a given one,
 * in the schedule's zone, skipping exclusion dates as Argo's {@code next} does. A cron schedule's
 * next time is the earliest of its Quartz expressions'; an interval's is the previous time plus the
 * interval, fractions of a second dropped (Argo's constant-delay schedule).
 */
final class CalendarTimes {
  /** Enough to step over every excluded date of any realistic list, never looping forever. */
  private static final int MAX_SKIPS = 100_000;

  private final List<CronExpression> cron;
  private final Duration every;
  private final ZoneId zone;
  private final ZoneId exclusionZone;
  private final Set<LocalDate> excluded;

  private CalendarTimes(
      List<CronExpression> cron,
      Duration every,
      ZoneId zone,
      ZoneId exclusionZone,
      Set<LocalDate> excluded) {
    this.cron = cron;
    this.every = every;
    this.zone = zone;
    this.exclusionZone = exclusionZone;
    this.excluded = excluded;
  }

  static CalendarTimes of(CalendarEndpoint endpoint) {
    List<CronExpression> expressions = new ArrayList<>();
    if (endpoint.cron() != null) {
      for (String text : endpoint.cron().quartzExpressions()) {
        try {
          CronExpression expression = new CronExpression(text);
          expression.setTimeZone(TimeZone.getTimeZone(endpoint.scheduleZone()));
          expressions.add(expression);
        } catch (ParseException e) {
          throw new IllegalStateException(
              "argo-calendar " + endpoint.getName() + ": " + e.getMessage(), e);
        }
      }
    }
    return new CalendarTimes(
        expressions,
        endpoint.every(),
        endpoint.scheduleZone(),
        endpoint.exclusionZone(),
        endpoint.excluded());
  }

  /**
   * The first scheduled time after {@code after} not on an excluded date, in the schedule's zone.
   */
  ZonedDateTime next(Instant after) {
    Instant next = after;
    for (int skips = 0; skips < MAX_SKIPS; skips++) {
      next = step(next);
      if (next == null) {
        return null;
      }
      if (!excluded.contains(next.atZone(exclusionZone).toLocalDate())) {
        return next.atZone(zone);
      }
    }
    return null;
  }

  private Instant step(Instant after) {
    if (every != null) {
      return after.plus(every).minusNanos(after.getNano());
    }
    Instant earliest = null;
    for (CronExpression expression : cron) {
      Date at = expression.getNextValidTimeAfter(Date.from(after));
      if (at != null && (earliest == null || at.toInstant().isBefore(earliest))) {
        earliest = at.toInstant();
      }
    }
    return earliest;
  }
}
