package io.caravan.routes.calendar;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * Fires one calendar event per schedule occurrence: body {@code {eventTime, metadata}}. Schedules one
 * Quartz job with one trigger (two when the cron's day-of-month and day-of-week are both restricted;
 * a time both fire at is sent once). Exclusion dates are a Quartz holiday calendar in the exclusion zone.
 */
public class CalendarConsumer extends DefaultConsumer {
  private final String id = UUID.randomUUID().toString();
  private JobKey jobKey;
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
    String group = "argo-calendar";
    jobKey = JobKey.jobKey(endpoint.getName() + "-" + id, group);
    JobDataMap data = new JobDataMap();
    data.put(CalendarFiringJob.CONSUMER, this);
    JobDetail job = JobBuilder.newJob(CalendarFiringJob.class).withIdentity(jobKey).usingJobData(data)
        .build();
    if (!endpoint.excluded().isEmpty()) {
      calendarName = jobKey.getName();
      scheduler.addCalendar(calendarName, holidays(endpoint), true, true);
    }
    Set<Trigger> triggers = new HashSet<>();
    if (endpoint.cron() != null) {
      TimeZone zone = TimeZone.getTimeZone(endpoint.scheduleZone());
      List<String> expressions = endpoint.cron().quartzExpressions();
      for (int i = 0; i < expressions.size(); i++) {
        triggers.add(trigger(i).withSchedule(CronScheduleBuilder.cronSchedule(expressions.get(i))
            .inTimeZone(zone).withMisfireHandlingInstructionDoNothing()).build());
      }
    } else {
      long millis = endpoint.every().toMillis();
      triggers.add(trigger(0)
          .startAt(new Date(System.currentTimeMillis() + millis))
          .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(millis)
              .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
          .build());
    }
    scheduler.scheduleJob(job, triggers, true);
  }

  private TriggerBuilder<Trigger> trigger(int index) {
    TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger()
        .withIdentity(jobKey.getName() + "-" + index, jobKey.getGroup()).forJob(jobKey);
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
    if (jobKey != null) {
      Scheduler scheduler = getEndpoint().getComponent().scheduler();
      scheduler.deleteJob(jobKey);
      if (calendarName != null) {
        scheduler.deleteCalendar(calendarName);
      }
      jobKey = null;
      calendarName = null;
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
    ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
    Exchange exchange = createExchange(false);
    try {
      exchange.getIn().setBody(eventData(now, endpoint.metadataNode()));
      getProcessor().process(exchange);
    } catch (Exception e) {
      exchange.setException(e);
    }
    if (exchange.getException() != null) {
      getExceptionHandler().handleException(
          "argo-calendar " + endpoint.getName() + ": event failed", exchange, exchange.getException());
    }
    releaseExchange(exchange, false);
  }

  /** {@code {eventTime, metadata}}: the time as Go's {@code time.String()}, metadata when not empty. */
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
    return jobKey == null ? List.of()
        : new ArrayList<>(getEndpoint().getComponent().scheduler().getTriggersOfJob(jobKey));
  }
}
