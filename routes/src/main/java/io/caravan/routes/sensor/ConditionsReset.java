package io.caravan.routes.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.expr.CronSchedule;
import java.io.IOException;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A trigger's {@code conditionsReset} (inventory §4.3): a list of {@code byTime: {cron, timezone}}.
 * At each firing of a cron every stored event of the trigger is dropped. Caravan evaluates this
 * when the state is read instead of with a timer: an event is {@link #expired} when some cron fired
 * after it was stored and not later than now. That is the same as clearing at each firing, and it
 * also covers Argo's rule that on start entries older than the most recent past firing are
 * discarded, across restarts and replicas.
 */
public final class ConditionsReset {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ConditionsReset NONE = new ConditionsReset(List.of(), "");

  private final List<CronExpression> crons;
  private final String text;

  private ConditionsReset(List<CronExpression> crons, String text) {
    this.crons = crons;
    this.text = text;
  }

  public static ConditionsReset none() {
    return NONE;
  }

  /**
   * Reads the manifest's {@code conditionsReset} list as YAML; blank means none.
   *
   * @throws IllegalArgumentException on an invalid cron or time zone
   */
  public static ConditionsReset parse(String yaml) {
    if (yaml == null || yaml.isBlank()) {
      return NONE;
    }
    JsonNode resets;
    try {
      resets = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException("conditionsReset: not YAML: " + e.getMessage(), e);
    }
    if (resets == null || resets.isNull()) {
      return NONE;
    }
    if (!resets.isArray()) {
      throw new IllegalArgumentException(
          "conditionsReset: expected a list of {byTime: {cron, timezone}}");
    }
    List<CronExpression> crons = new ArrayList<>();
    for (int i = 0; i < resets.size(); i++) {
      JsonNode byTime = resets.get(i).path("byTime");
      if (byTime.isMissingNode() || byTime.isNull()) {
        continue;
      }
      crons.addAll(
          expressions(
              "conditionsReset[" + i + "].byTime",
              byTime.path("cron").asText(""),
              byTime.path("timezone").asText("")));
    }
    return new ConditionsReset(List.copyOf(crons), yaml.trim());
  }

  private static List<CronExpression> expressions(String path, String cron, String timezone) {
    CronSchedule schedule;
    try {
      schedule = CronSchedule.parse(cron);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ".cron: " + e.getMessage(), e);
    }
    ZoneId zone;
    try {
      zone =
          schedule.zone() != null
              ? schedule.zone()
              : timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          path + ".timezone: unknown time zone '" + timezone + "'", e);
    }
    List<CronExpression> out = new ArrayList<>();
    for (String quartz : schedule.quartzExpressions()) {
      try {
        CronExpression expression = new CronExpression(quartz);
        expression.setTimeZone(TimeZone.getTimeZone(zone));
        out.add(expression);
      } catch (ParseException e) {
        throw new IllegalArgumentException(path + ".cron '" + cron + "': " + e.getMessage(), e);
      }
    }
    return out;
  }

  public boolean isEmpty() {
    return crons.isEmpty();
  }

  /** True when a reset fired after {@code storedAt} and at or before {@code now}. */
  public synchronized boolean expired(Instant storedAt, Instant now) {
    for (CronExpression cron : crons) {
      Date next = cron.getNextValidTimeAfter(Date.from(storedAt));
      if (next != null && !next.toInstant().isAfter(now)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }
}
