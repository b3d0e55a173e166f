package io.caravan.generator.source.calendar;

import io.caravan.api.eventsource.EventSourceTypes;
import io.caravan.api.eventsource.calendar.CalendarEventSource;
import io.caravan.api.eventsource.calendar.CatchupConfiguration;
import io.caravan.api.eventsource.calendar.ConfigMapPersistence;
import io.caravan.api.eventsource.calendar.EventPersistence;
import io.caravan.expr.CronSchedule;
import io.caravan.expr.GoDuration;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.yaml.RoutesYaml;
import io.caravan.generator.yaml.UriParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code spec.calendar} events → {@code kamelet:calendar-source} (inventory §1.5.2). */
public final class CalendarSourceType implements SourceType<CalendarEventSource> {

  @Override
  public String key() {
    return EventSourceTypes.CALENDAR;
  }

  @Override
  public Class<CalendarEventSource> model() {
    return CalendarEventSource.class;
  }

  @Override
  public void check(SourceEvent<CalendarEventSource> event, List<Diagnostic> out) {
    CalendarRules.check(event, out);
  }

  @Override
  public Map<String, Object> from(SourceEvent<CalendarEventSource> event, Diagnostics diagnostics) {
    CalendarEventSource calendar = event.config();
    if (calendar == null) {
      diagnostics.error(event.path(), "calendar settings are missing");
      return null;
    }
    String schedule = emptyToNull(calendar.getSchedule());
    String interval = emptyToNull(calendar.getInterval());
    if (schedule == null && interval == null) {
      diagnostics.error(event.path(), "either schedule or interval is required");
      return null;
    }
    String scheduleProblem = schedule == null ? null : CronSchedule.problem(schedule);
    if (scheduleProblem != null) {
      diagnostics.error(
          event.path("schedule"), "invalid schedule '" + schedule + "': " + scheduleProblem);
      return null;
    }
    if (schedule != null && interval != null) {
      diagnostics.warning(event.path("interval"), "schedule is set: interval is ignored");
      interval = null;
    }
    if (interval != null && GoDuration.tryParse(interval) == null) {
      diagnostics.error(
          event.path("interval"),
          "interval '" + interval + "' is not a duration such as 10s, 5m or 1h");
      return null;
    }
    if (!persistenceIsUsable(event, calendar.getPersistence(), diagnostics)) {
      return null;
    }

    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("name", event.eventSourceName() + "." + event.eventName());
    putIfSet(parameters, "schedule", schedule);
    putIfSet(parameters, "interval", interval);
    putIfSet(parameters, "timezone", emptyToNull(calendar.getTimezone()));
    if (calendar.getExclusionDates() != null && !calendar.getExclusionDates().isEmpty()) {
      parameters.put("exclusionDates", String.join(",", calendar.getExclusionDates()));
    }
    if (calendar.getMetadata() != null && !calendar.getMetadata().isEmpty()) {
      parameters.put("metadata", RoutesYaml.compactJson(calendar.getMetadata()));
    }
    persistenceParameters(calendar.getPersistence(), parameters);
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:calendar-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  /** Reports the persistence errors (the validator's, in its words); false when there is one. */
  private static boolean persistenceIsUsable(
      SourceEvent<CalendarEventSource> event,
      EventPersistence persistence,
      Diagnostics diagnostics) {
    List<Diagnostic> found = new ArrayList<>();
    CalendarRules.persistence(event.path("persistence"), persistence, found);
    List<Diagnostic> errors = found.stream().filter(Diagnostic::isError).toList();
    errors.forEach(error -> diagnostics.error(error.path(), error.message()));
    return errors.isEmpty();
  }

  /**
   * The calendar-source persistence parameters (the runtime's contract): {@code
   * persistenceConfigMap}, {@code persistenceCreate} and {@code catchup} when true, {@code
   * catchupMaxDuration} as written when catch-up is enabled.
   */
  private static void persistenceParameters(
      EventPersistence persistence, Map<String, Object> parameters) {
    if (persistence == null) {
      return;
    }
    ConfigMapPersistence configMap =
        persistence.getConfigMap(); // set: persistenceIsUsable checked it
    parameters.put("persistenceConfigMap", configMap.getName());
    if (Boolean.TRUE.equals(configMap.getCreateIfNotExist())) {
      parameters.put("persistenceCreate", Boolean.TRUE);
    }
    CatchupConfiguration catchup = persistence.getCatchup();
    if (catchup != null && Boolean.TRUE.equals(catchup.getEnabled())) {
      parameters.put("catchup", Boolean.TRUE);
      putIfSet(parameters, "catchupMaxDuration", emptyToNull(catchup.getMaxDuration()));
    }
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  @Override
  public String filterExpression(CalendarEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }
}
