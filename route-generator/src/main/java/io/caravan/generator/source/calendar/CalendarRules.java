package io.caravan.generator.source.calendar;

import io.caravan.api.eventsource.calendar.CalendarEventSource;
import io.caravan.api.eventsource.calendar.CatchupConfiguration;
import io.caravan.api.eventsource.calendar.ConfigMapPersistence;
import io.caravan.api.eventsource.calendar.EventPersistence;
import io.caravan.expr.CronSchedule;
import io.caravan.expr.GoDuration;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.support.ExpressionSyntax;
import io.caravan.generator.support.TimeZones;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Argo's rules for one {@code spec.calendar.<eventName>} entry (inventory §1.5.2), persistence
 * included.
 */
final class CalendarRules {

  /**
   * What a ConfigMap data key allows (the key of calendar persistence is {@code <source>.<event>}).
   */
  private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  private static final Pattern EXCLUSION_DATE = Pattern.compile("\\d{8}T\\d{6}Z");
  private static final DateTimeFormatter EXCLUSION_DATE_FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withResolverStyle(ResolverStyle.STRICT);

  /** A Kubernetes object name (DNS-1123 subdomain), as ConfigMap names must be. */
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final int MAX_NAME_LENGTH = 253;

  private CalendarRules() {}

  static void check(SourceEvent<CalendarEventSource> event, List<Diagnostic> out) {
    String path = event.path();
    CalendarEventSource calendar = event.config();
    settings(path, calendar, out);
    if (calendar == null) {
      return;
    }
    ExpressionSyntax.eventSourceFilter(path, calendar.getFilter(), out);
    if (calendar.getPersistence() != null && !CONFIG_MAP_KEY.matcher(event.eventName()).matches()) {
      out.add(
          Diagnostic.error(
              path,
              "with persistence the event name '"
                  + event.eventName()
                  + "' becomes the ConfigMap key '"
                  + event.eventSourceName()
                  + "."
                  + event.eventName()
                  + "', which allows only letters, digits, '-', '_' and '.'"));
    }
  }

  private static void settings(String path, CalendarEventSource calendar, List<Diagnostic> out) {
    if (calendar == null) {
      out.add(Diagnostic.error(path, "must specify either schedule or interval"));
      return;
    }
    boolean hasSchedule = calendar.getSchedule() != null && !calendar.getSchedule().isEmpty();
    boolean hasInterval = calendar.getInterval() != null && !calendar.getInterval().isEmpty();
    if (!hasSchedule && !hasInterval) {
      out.add(Diagnostic.error(path, "must specify either schedule or interval"));
    }
    if (hasSchedule) {
      String problem = CronSchedule.problem(calendar.getSchedule());
      if (problem != null) {
        out.add(
            Diagnostic.error(
                path + ".schedule",
                "invalid schedule '" + calendar.getSchedule() + "': " + problem));
      }
    }
    if (hasInterval) {
      Duration interval = GoDuration.tryParse(calendar.getInterval());
      if (interval == null) {
        out.add(
            Diagnostic.error(
                path + ".interval",
                "invalid interval '"
                    + calendar.getInterval()
                    + "': expected a duration such as 10s or 1h30m"));
      } else if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
        out.add(Diagnostic.error(path + ".interval", "interval must be at least 1s"));
      }
      if (hasSchedule) {
        out.add(
            Diagnostic.warning(
                path + ".interval", "ignored: schedule takes precedence over interval"));
      }
    }
    if (!TimeZones.isValid(calendar.getTimezone())) {
      out.add(
          Diagnostic.error(
              path + ".timezone", "unknown time zone '" + calendar.getTimezone() + "'"));
    }
    List<String> dates =
        calendar.getExclusionDates() == null ? List.of() : calendar.getExclusionDates();
    for (int i = 0; i < dates.size(); i++) {
      String problem = exclusionDateProblem(dates.get(i));
      if (problem != null) {
        out.add(Diagnostic.error(path + ".exclusionDates[" + i + "]", problem));
      }
    }
    persistence(path + ".persistence", calendar.getPersistence(), out);
  }

  /**
   * The rules of {@code persistence} at {@code path} (nothing when it is not set). Argo keeps the
   * last event in the ConfigMap whether or not catch-up is enabled, so the ConfigMap name is always
   * needed. Also used by the translator, so generation refuses the same settings with the same
   * words.
   */
  static void persistence(String path, EventPersistence persistence, List<Diagnostic> out) {
    if (persistence == null) {
      return;
    }
    ConfigMapPersistence configMap = persistence.getConfigMap();
    String name = configMap == null ? null : configMap.getName();
    if (name == null || name.isEmpty()) {
      out.add(
          Diagnostic.error(
              path + ".configMap.name",
              "configMap name is required: it is the ConfigMap that keeps the last event time"));
    } else if (name.length() > MAX_NAME_LENGTH || !DNS_1123_SUBDOMAIN.matcher(name).matches()) {
      out.add(
          Diagnostic.error(
              path + ".configMap.name",
              "ConfigMap name '"
                  + name
                  + "' is not a valid Kubernetes"
                  + " name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit,"
                  + " at most 253 characters"));
    }
    CatchupConfiguration catchup = persistence.getCatchup();
    String maxDuration = catchup == null ? null : catchup.getMaxDuration();
    if (maxDuration == null || maxDuration.isEmpty()) {
      return;
    }
    String maxDurationPath = path + ".catchup.maxDuration";
    if (!Boolean.TRUE.equals(catchup.getEnabled())) {
      out.add(Diagnostic.warning(maxDurationPath, "ignored: catch-up is not enabled"));
      return;
    }
    Duration duration = GoDuration.tryParse(maxDuration);
    if (duration == null) {
      out.add(
          Diagnostic.error(
              maxDurationPath,
              "invalid maxDuration '"
                  + maxDuration
                  + "': expected a duration such as 10m or 1h30m"));
    } else if (duration.isNegative() || duration.isZero()) {
      out.add(
          Diagnostic.error(
              maxDurationPath, "maxDuration must be positive, found '" + maxDuration + "'"));
    }
  }

  private static String exclusionDateProblem(String value) {
    String expected = "expected EXDATE:YYYYMMDDTHHMMSSZ[,YYYYMMDDTHHMMSSZ…], found '" + value + "'";
    if (value == null || !value.startsWith("EXDATE:")) {
      return expected;
    }
    for (String date : value.substring("EXDATE:".length()).split(",", -1)) {
      if (!EXCLUSION_DATE.matcher(date).matches()) {
        return expected;
      }
      try {
        LocalDateTime.parse(date, EXCLUSION_DATE_FORMAT);
      } catch (DateTimeParseException e) {
        return "invalid date '" + date + "' in " + value;
      }
    }
    return null;
  }
}
