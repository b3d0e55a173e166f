package io.caravan.routes.source.calendar;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job of one calendar endpoint; never runs twice at once for the same endpoint. */
@DisallowConcurrentExecution
public class CalendarFiringJob implements Job {
  static final String CONSUMER = "consumer";

  @Override
  public void execute(JobExecutionContext context) {
    CalendarConsumer consumer = (CalendarConsumer) context.getMergedJobDataMap().get(CONSUMER);
    if (consumer != null) {
      consumer.fire(context.getScheduledFireTime().toInstant());
    }
  }
}
