package io.caravan.routes.source.calendar;

import io.caravan.routes.support.kubernetes.KubernetesClients;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The {@code argo-calendar:<name>} component: Argo calendar events (inventory §1.5.2) fired by one
 * in-memory Quartz scheduler per CamelContext. Calendars with {@code persistence} keep their last
 * event in the {@link CalendarEventStore} bean of the registry when there is one, else where {@link
 * #setStore} says.
 */
public class CalendarComponent extends DefaultComponent {
  /**
   * {@link #setStore} value: real ConfigMaps through the context's Kubernetes client (the default).
   */
  public static final String STORE_CONFIGMAP = "configmap";

  /** {@link #setStore} value: in this JVM only. */
  public static final String STORE_MEMORY = "memory";

  /** {@link #setStore} prefix: files in a directory, {@code dir:/var/lib/caravan}. */
  public static final String STORE_DIRECTORY_PREFIX = "dir:";

  private Scheduler scheduler;
  private String store = STORE_CONFIGMAP;
  private String namespace;
  private Clock clock = Clock.systemUTC();
  private CalendarEventStore eventStore;

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    String name = remaining.startsWith("//") ? remaining.substring(2) : remaining;
    if (name.isBlank()) {
      throw new IllegalArgumentException(
          "argo-calendar URI must be argo-calendar:<name>, got '" + uri + "'");
    }
    CalendarEndpoint endpoint = new CalendarEndpoint(uri, this, name);
    setProperties(endpoint, parameters);
    return endpoint;
  }

  /** The scheduler, created and started on first use. */
  synchronized Scheduler scheduler() throws Exception {
    if (scheduler == null) {
      Properties props = new Properties();
      props.setProperty(
          "org.quartz.scheduler.instanceName", "caravan-calendar-" + UUID.randomUUID());
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

  /**
   * Where calendars with persistence keep their last event: {@code configmap}, {@code memory} or
   * {@code dir:PATH}.
   */
  public void setStore(String store) {
    this.store = store;
  }

  public String getStore() {
    return store;
  }

  /**
   * Namespace of the ConfigMaps; default the Kubernetes client's (in a pod: the pod's namespace).
   */
  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getNamespace() {
    return namespace;
  }

  /** The clock catch-up measures "now" and maxDuration with (tests set a fixed one). */
  public void setClock(Clock clock) {
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  /** The store of last events, resolved on first use. */
  synchronized CalendarEventStore eventStore() {
    if (eventStore == null) {
      CalendarEventStore bound =
          getCamelContext().getRegistry().findSingleByType(CalendarEventStore.class);
      eventStore = bound != null ? bound : createStore();
    }
    return eventStore;
  }

  private CalendarEventStore createStore() {
    String kind = store == null || store.isBlank() ? STORE_CONFIGMAP : store.trim();
    if (kind.equals(STORE_MEMORY)) {
      return new InMemoryCalendarEventStore();
    }
    if (kind.startsWith(STORE_DIRECTORY_PREFIX)) {
      return new FileCalendarEventStore(Path.of(kind.substring(STORE_DIRECTORY_PREFIX.length())));
    }
    if (!kind.equals(STORE_CONFIGMAP)) {
      throw new IllegalArgumentException(
          "argo-calendar store must be configmap, memory or dir:PATH, not '" + store + "'");
    }
    KubernetesClient client = KubernetesClients.of(getCamelContext());
    String ns = namespace != null && !namespace.isBlank() ? namespace : client.getNamespace();
    return new ConfigMapCalendarEventStore(client, ns == null || ns.isBlank() ? "default" : ns);
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
