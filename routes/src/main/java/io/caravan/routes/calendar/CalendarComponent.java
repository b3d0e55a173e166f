package io.caravan.routes.calendar;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The {@code argo-calendar:<name>} component: Argo calendar events (inventory §1.5.2) fired by one
 * in-memory Quartz scheduler per CamelContext.
 */
public class CalendarComponent extends DefaultComponent {
  private Scheduler scheduler;

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    String name = remaining.startsWith("//") ? remaining.substring(2) : remaining;
    if (name.isBlank()) {
      throw new IllegalArgumentException("argo-calendar URI must be argo-calendar:<name>, got '" + uri + "'");
    }
    CalendarEndpoint endpoint = new CalendarEndpoint(uri, this, name);
    setProperties(endpoint, parameters);
    return endpoint;
  }

  /** The scheduler, created and started on first use. */
  synchronized Scheduler scheduler() throws Exception {
    if (scheduler == null) {
      Properties props = new Properties();
      props.setProperty("org.quartz.scheduler.instanceName", "caravan-calendar-" + UUID.randomUUID());
      props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
      props.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
      props.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
      props.setProperty("org.quartz.threadPool.threadCount", "4");
      props.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
      props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
      scheduler = new StdSchedulerFactory(props).getScheduler();
      scheduler.start();
    }
    return scheduler;
  }

  @Override
  protected synchronized void doStop() throws Exception {
    if (scheduler != null) {
      scheduler.shutdown(true);
      scheduler = null;
    }
    super.doStop();
  }
}
