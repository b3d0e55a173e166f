package io.caravan.routes.source.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.expr.CronSchedule;
import io.caravan.expr.GoDuration;
import io.caravan.routes.event.EventMetadata;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Argo calendar event: a cron {@code schedule} or a fixed {@code interval}, with its options.
 */
public class CalendarEndpoint extends DefaultEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(CalendarEndpoint.class);

  private final String name;
  private String schedule;
  private String interval;
  private String timezone;
  private String exclusionDates;
  private String metadata;
  private String persistenceConfigMap;
  private boolean persistenceCreate;
  private boolean catchup;
  private String catchupMaxDuration;

  private CronSchedule cron;
  private Duration every;
  private ZoneId zone;
  private Set<LocalDate> excluded;
  private ObjectNode metadataNode;
  private Duration maxCatchup;

  CalendarEndpoint(String uri, CalendarComponent component, String name) {
    super(uri, component);
    this.name = name;
  }

  @Override
  public CalendarComponent getComponent() {
    return (CalendarComponent) super.getComponent();
  }

  @Override
  public Producer createProducer() {
    throw new UnsupportedOperationException(
        "argo-calendar endpoints only consume: " + getEndpointUri());
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    CalendarConsumer consumer = new CalendarConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  @Override
  protected void doInit() throws Exception {
    super.doInit();
    String where = "argo-calendar " + name;
    if (timezone != null && !timezone.isBlank()) {
      try {
        zone = ZoneId.of(timezone.trim());
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            where + ": timezone '" + timezone + "' is not an IANA zone");
      }
    } else {
      zone = ZoneId.systemDefault();
    }
    if (schedule != null && !schedule.isBlank()) {
      cron = CronSchedule.parse(schedule);
    } else if (interval != null && !interval.isBlank()) {
      Duration parsed = GoDuration.parse(interval);
      if (parsed.isNegative() || parsed.isZero()) {
        throw new IllegalArgumentException(
            where + ": interval must be positive, got '" + interval + "'");
      }
      every = Duration.ofSeconds(Math.max(1, parsed.getSeconds()));
      if (!every.equals(parsed)) {
        LOG.warn(
            "{}: interval {} runs every {} s (intervals are whole seconds, at least 1)",
            where,
            interval,
            every.getSeconds());
      }
    } else {
      throw new IllegalArgumentException(where + ": schedule or interval is required");
    }
    excluded = ExclusionDates.parse(exclusionDates);
    metadataNode = EventMetadata.parse(metadata, where);
    if (persistenceConfigMap != null && persistenceConfigMap.isBlank()) {
      persistenceConfigMap = null;
    }
    if (catchup && persistenceConfigMap == null) {
      throw new IllegalArgumentException(
          where + ": catch-up needs persistenceConfigMap, where the last event is kept");
    }
    if (catchup && catchupMaxDuration != null && !catchupMaxDuration.isBlank()) {
      maxCatchup = GoDuration.parse(catchupMaxDuration);
      if (maxCatchup.isNegative() || maxCatchup.isZero()) {
        throw new IllegalArgumentException(
            where + ": catch-up maxDuration must be positive, got '" + catchupMaxDuration + "'");
      }
    }
  }

  /** True when the last event is kept in a ConfigMap ({@code persistence.configMap}). */
  boolean persistent() {
    return persistenceConfigMap != null;
  }

  /** How far back catch-up goes, or null for no limit (only with {@link #isCatchup()}). */
  Duration maxCatchup() {
    return maxCatchup;
  }

  public String getName() {
    return name;
  }

  /** Parsed cron schedule, or null when the endpoint uses an interval. */
  CronSchedule cron() {
    return cron;
  }

  /** The interval in whole seconds, or null when the endpoint uses a schedule. */
  Duration every() {
    return every;
  }

  /**
   * The zone the schedule is evaluated in: {@code CRON_TZ=} prefix, else timezone, else the JVM's.
   */
  ZoneId scheduleZone() {
    return cron != null && cron.zone() != null ? cron.zone() : zone;
  }

  /** The zone whose calendar date is compared with exclusionDates: timezone, else the JVM's. */
  ZoneId exclusionZone() {
    return zone;
  }

  Set<LocalDate> excluded() {
    return excluded;
  }

  ObjectNode metadataNode() {
    return metadataNode;
  }

  public String getSchedule() {
    return schedule;
  }

  /** 5-field cron, as in the manifest; wins over interval. */
  public void setSchedule(String schedule) {
    this.schedule = schedule;
  }

  public String getInterval() {
    return interval;
  }

  /** Go duration, e.g. {@code 10s}, {@code 1m30s}. */
  public void setInterval(String interval) {
    this.interval = interval;
  }

  public String getTimezone() {
    return timezone;
  }

  /** IANA zone the schedule runs in; default the JVM's zone (Argo: the pod's local zone). */
  public void setTimezone(String timezone) {
    this.timezone = timezone;
  }

  public String getExclusionDates() {
    return exclusionDates;
  }

  /** Comma-separated {@code EXDATE:…} strings as in the manifest. */
  public void setExclusionDates(String exclusionDates) {
    this.exclusionDates = exclusionDates;
  }

  public String getMetadata() {
    return metadata;
  }

  /** JSON object text copied into every event's {@code metadata}. */
  public void setMetadata(String metadata) {
    this.metadata = metadata;
  }

  public String getPersistenceConfigMap() {
    return persistenceConfigMap;
  }

  /**
   * {@code persistence.configMap.name}: the ConfigMap keeping the last event under key {@code
   * <name>}.
   */
  public void setPersistenceConfigMap(String persistenceConfigMap) {
    this.persistenceConfigMap = persistenceConfigMap;
  }

  public boolean isPersistenceCreate() {
    return persistenceCreate;
  }

  /** {@code persistence.configMap.createIfNotExist}. */
  public void setPersistenceCreate(boolean persistenceCreate) {
    this.persistenceCreate = persistenceCreate;
  }

  public boolean isCatchup() {
    return catchup;
  }

  /**
   * {@code persistence.catchup.enabled}: on start, fire every schedule time missed since the last
   * event.
   */
  public void setCatchup(boolean catchup) {
    this.catchup = catchup;
  }

  public String getCatchupMaxDuration() {
    return catchupMaxDuration;
  }

  /**
   * {@code persistence.catchup.maxDuration}: Go duration; catch-up starts at most this far back.
   */
  public void setCatchupMaxDuration(String catchupMaxDuration) {
    this.catchupMaxDuration = catchupMaxDuration;
  }
}
