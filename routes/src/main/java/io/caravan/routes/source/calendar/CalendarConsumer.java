package io.caravan.routes.source.calendar;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.calendar.HolidayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires one calendar event per schedule occurrence: body {@code {eventTime, metadata}}. Schedules
 * one Quartz job with one trigger (two when the cron's day-of-month and day-of-week are both
 * restricted; a time both fire at is sent once). Exclusion dates are a Quartz holiday calendar in
 * the exclusion zone. With {@code persistence} every sent event is saved as the last one and, with
 * catch-up, the times missed since then are sent on start before the schedule resumes (inventory
 * §1.5.2).
 */
public class CalendarConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(CalendarConsumer.class);

  /** Argo retries an event it could not send every 100 ms... */
  private static final long RETRY_PAUSE_MILLIS = 100;

  /**
   * ...Caravan too for 5 s (50 attempts), then every second, so a long outage does not flood the
   * logs.
   */
  private static final long SLOW_RETRY_PAUSE_MILLIS = 1_000;

  /** A warning on the first attempt and every 50th. */
  private static final int RETRY_LOG_EVERY = 50;

  private final String id = UUID.randomUUID().toString();
  private final Object lifecycle = new Object();
  private volatile JobKey jobKey;
  private CalendarPersistence persistence;
  private ExecutorService catchUpExecutor;
  private String calendarName;
  private Instant lastScheduled;

  public CalendarConsumer(CalendarEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  public CalendarEndpoint getEndpoint() {
    return (CalendarEndpoint) super.getEndpoint();
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    CalendarEndpoint endpoint = getEndpoint();
    Scheduler scheduler = endpoint.getComponent().scheduler();
    jobKey = JobKey.jobKey(endpoint.getName() + "-" + id, "argo-calendar");
    if (!endpoint.excluded().isEmpty()) {
      calendarName = jobKey.getName();
      scheduler.addCalendar(calendarName, holidays(endpoint), true, true);
    }
    if (endpoint.persistent()) {
      persistence = new CalendarPersistence(endpoint.getComponent().eventStore(), endpoint);
    }
    if (endpoint.isCatchup()) {
      // reading the store and sending missed events may take long: not on the thread starting Camel
      catchUpExecutor =
          endpoint
              .getCamelContext()
              .getExecutorServiceManager()
              .newSingleThreadExecutor(this, "argo-calendar-catchup-" + endpoint.getName());
      catchUpExecutor.submit(this::catchUpThenSchedule);
    } else {
      schedule(null);
    }
  }

  /**
   * Argo's catch-up: from the last saved event's time (at most maxDuration back from now; now when
   * none), sends every missed schedule time at once, in order, with that time as eventTime; then
   * schedules the following ones.
   */
  private void catchUpThenSchedule() {
    CalendarEndpoint endpoint = getEndpoint();
    try {
      Instant from = persistence.lastEventTime(this::isRunAllowed);
      if (!isRunAllowed()) {
        return;
      }
      Instant now = clock().instant();
      if (from == null || from.isAfter(now)) {
        from = now;
      }
      if (endpoint.maxCatchup() != null && from.isBefore(now.minus(endpoint.maxCatchup()))) {
        from = now.minus(endpoint.maxCatchup());
      }
      CalendarTimes times = CalendarTimes.of(endpoint);
      ZonedDateTime next = times.next(from);
      int missed = 0;
      while (next != null && next.toInstant().isBefore(clock().instant()) && isRunAllowed()) {
        dispatch(next);
        missed++;
        next = times.next(next.toInstant());
      }
      LOG.info(
          "argo-calendar {}: caught up {} missed event(s) since {} ({})",
          endpoint.getName(),
          missed,
          from,
          persistence.describe());
      schedule(next == null ? null : next.toInstant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      getExceptionHandler()
          .handleException(
              "argo-calendar " + endpoint.getName() + ": catch-up failed; no events are scheduled",
              e);
    }
  }

  /**
   * Schedules the Quartz triggers; the first firing at {@code first} when given (after a catch-up).
   */
  private void schedule(Instant first) throws Exception {
    synchronized (lifecycle) {
      if (jobKey == null || !isRunAllowed()) {
        return;
      }
      CalendarEndpoint endpoint = getEndpoint();
      JobDataMap data = new JobDataMap();
      data.put(CalendarFiringJob.CONSUMER, this);
      JobDetail job =
          JobBuilder.newJob(CalendarFiringJob.class)
              .withIdentity(jobKey)
              .usingJobData(data)
              .build();
      Set<Trigger> triggers = new HashSet<>();
      if (endpoint.cron() != null) {
        TimeZone zone = TimeZone.getTimeZone(endpoint.scheduleZone());
        List<String> expressions = endpoint.cron().quartzExpressions();
        for (int i = 0; i < expressions.size(); i++) {
          TriggerBuilder<Trigger> trigger = trigger(i);
          if (first != null) {
            trigger.startAt(Date.from(first));
          }
          triggers.add(
              trigger
                  .withSchedule(
                      CronScheduleBuilder.cronSchedule(expressions.get(i))
                          .inTimeZone(zone)
                          .withMisfireHandlingInstructionDoNothing())
                  .build());
        }
      } else {
        long millis = endpoint.every().toMillis();
        Instant start = first != null ? first : Instant.now().plusMillis(millis);
        triggers.add(
            trigger(0)
                .startAt(Date.from(start))
                .withSchedule(
                    SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(millis)
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build());
      }
      endpoint.getComponent().scheduler().scheduleJob(job, triggers, true);
    }
  }

  private TriggerBuilder<Trigger> trigger(int index) {
    TriggerBuilder<Trigger> builder =
        TriggerBuilder.newTrigger()
            .withIdentity(jobKey.getName() + "-" + index, jobKey.getGroup())
            .forJob(jobKey);
    return calendarName == null ? builder : builder.modifiedByCalendar(calendarName);
  }

  private static HolidayCalendar holidays(CalendarEndpoint endpoint) {
    ZoneId zone = endpoint.exclusionZone();
    HolidayCalendar calendar = new HolidayCalendar();
    calendar.setTimeZone(TimeZone.getTimeZone(zone));
    for (LocalDate date : endpoint.excluded()) {
      calendar.addExcludedDate(Date.from(date.atStartOfDay(zone).toInstant()));
    }
    return calendar;
  }

  @Override
  protected void doStop() throws Exception {
    if (catchUpExecutor != null) {
      getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(catchUpExecutor);
      catchUpExecutor = null;
    }
    synchronized (lifecycle) {
      if (jobKey != null) {
        Scheduler scheduler = getEndpoint().getComponent().scheduler();
        scheduler.deleteJob(jobKey);
        if (calendarName != null) {
          scheduler.deleteCalendar(calendarName);
        }
        jobKey = null;
        calendarName = null;
      }
    }
    super.doStop();
  }

  /** When the next firing is due, or null when none is scheduled. */
  public Instant nextFireTime() throws Exception {
    if (jobKey == null) {
      return null;
    }
    Instant next = null;
    for (Trigger trigger : getEndpoint().getComponent().scheduler().getTriggersOfJob(jobKey)) {
      Date at = trigger.getNextFireTime();
      if (at != null && (next == null || at.toInstant().isBefore(next))) {
        next = at.toInstant();
      }
    }
    return next;
  }

  /** One firing; called by Quartz, never concurrently for this consumer. */
  synchronized void fire(Instant scheduled) {
    if (scheduled.equals(lastScheduled)) {
      return; // the other trigger of a day-of-month / day-of-week pair already fired this time
    }
    lastScheduled = scheduled;
    CalendarEndpoint endpoint = getEndpoint();
    if (endpoint.excluded().contains(scheduled.atZone(endpoint.exclusionZone()).toLocalDate())) {
      return;
    }
    try {
      dispatch(ZonedDateTime.now(clock().withZone(ZoneId.systemDefault())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Sends one event with {@code eventTime}. Without persistence a failure is reported and the event
   * skipped (Argo); with it, the event is retried (every 100 ms as Argo, after 5 s every second)
   * until it is sent or the consumer stops, then saved as the last event.
   */
  private void dispatch(ZonedDateTime eventTime) throws InterruptedException {
    CalendarEndpoint endpoint = getEndpoint();
    ObjectNode data = eventData(eventTime, endpoint.metadataNode());
    for (int attempt = 1; ; attempt++) {
      Exchange exchange = createExchange(false);
      try {
        exchange.getIn().setBody(data.deepCopy());
        getProcessor().process(exchange);
      } catch (Exception e) {
        exchange.setException(e);
      }
      Exception failure = exchange.getException();
      if (failure == null) {
        releaseExchange(exchange, false);
        if (persistence != null) {
          persistence.save(data);
        }
        return;
      }
      if (persistence == null || !isRunAllowed()) {
        getExceptionHandler()
            .handleException(
                "argo-calendar " + endpoint.getName() + ": event failed", exchange, failure);
        releaseExchange(exchange, false);
        return;
      }
      if (attempt == 1 || attempt % RETRY_LOG_EVERY == 0) {
        LOG.warn(
            "argo-calendar {}: event of {} not sent ({} attempt(s)), retrying every {} ms: {}",
            endpoint.getName(),
            data.path("eventTime").asText(),
            attempt,
            attempt < RETRY_LOG_EVERY ? RETRY_PAUSE_MILLIS : SLOW_RETRY_PAUSE_MILLIS,
            failure.toString());
      }
      releaseExchange(exchange, false);
      Thread.sleep(attempt < RETRY_LOG_EVERY ? RETRY_PAUSE_MILLIS : SLOW_RETRY_PAUSE_MILLIS);
    }
  }

  private Clock clock() {
    return getEndpoint().getComponent().clock();
  }

  /**
   * {@code {eventTime, metadata}}: the time as Go's {@code time.String()}, metadata when not empty.
   */
  static ObjectNode eventData(ZonedDateTime firing, ObjectNode metadata) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("eventTime", GoTimeFormat.format(firing));
    if (metadata != null && !metadata.isEmpty()) {
      data.set("metadata", metadata.deepCopy());
    }
    return data;
  }

  /** For tests: how many triggers back this consumer. */
  List<Trigger> triggers() throws Exception {
    return jobKey == null
        ? List.of()
        : new ArrayList<>(getEndpoint().getComponent().scheduler().getTriggersOfJob(jobKey));
  }
}
