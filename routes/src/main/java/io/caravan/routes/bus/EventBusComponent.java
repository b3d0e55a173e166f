package io.caravan.routes.bus;

import io.caravan.routes.delivery.RecentEventIds;
import io.caravan.routes.delivery.SharedDeliveryStateProvider;
import io.caravan.routes.delivery.SharedFiredEventIds;
import io.caravan.routes.delivery.SharedRateLimits;
import io.caravan.routes.delivery.WorkerScheduler;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.sensor.CorrelationStore;
import io.caravan.routes.sensor.CorrelationStoreProvider;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel component {@code eventbus:<eventSource>/<event>}: the bus between EventSources and Sensors
 * (docs/generated-routes.md). Its options are set by the runtime ({@code
 * camel.component.eventbus.*}), never by generated routes: {@code url} chooses NATS JetStream
 * ({@code nats://host:port[,…]}) or the in-memory bus (absent or {@code memory}). All endpoints
 * share one connection. It also gives each Sensor its correlation store on the same bus (a KV
 * bucket on JetStream), and on JetStream the delivery state its replicas share: the triggers'
 * rate-limit buckets and the recently fired event ids (docs/sensor-delivery.md).
 */
public class EventBusComponent extends DefaultComponent
    implements CorrelationStoreProvider, SharedDeliveryStateProvider {
  private static final Logger LOG = LoggerFactory.getLogger(EventBusComponent.class);

  /** A NATS subject token: no separators, wildcards or whitespace. */
  private static final Pattern NAME = Pattern.compile("[^.*>/\\s]+");

  private String url;
  private String username;
  private String password;
  private long streamMaxMsgs = 50_000;
  private Duration streamMaxAge = Duration.ofHours(168);
  private long streamMaxBytes = -1;
  private Duration streamDuplicates = Duration.ofSeconds(300);
  private int streamReplicas = 1;
  private int maxInFlight = BusSettings.DEFAULT_MAX_IN_FLIGHT;
  private Duration ackWait = Duration.ofSeconds(60);
  private Duration nakDelay = Duration.ofSeconds(1);
  private Duration publishTimeout = Duration.ofSeconds(5);
  private Duration pullExpiry = Duration.ofSeconds(10);
  private Duration deduplicationWindow = RecentEventIds.DEFAULT_WINDOW;

  private BusTransport transport;

  /** Upper bound of the shared worker pool (see {@link #workers()}). */
  static final int MAX_WORKERS = 512;

  private ExecutorService workers;
  private ScheduledExecutorService inProgressTicker;
  private ArgoMetrics metrics;

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
      throws Exception {
    String[] names = remaining.split("/", -1);
    if (names.length != 2) {
      throw new IllegalArgumentException(
          "Invalid URI '" + uri + "': expected eventbus:<eventSource>/<event>");
    }
    checkName(uri, "EventSource name", names[0]);
    checkName(uri, "event name", names[1]);
    EventBusEndpoint endpoint = new EventBusEndpoint(uri, this, names[0], names[1]);
    setProperties(endpoint, parameters);
    return endpoint;
  }

  private static void checkName(String uri, String what, String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid URI '"
              + uri
              + "': the "
              + what
              + " '"
              + name
              + "' must be non-empty without '.', '*', '>', '/' or whitespace (it is a NATS subject token)");
    }
  }

  /** The bus, connected on first use and shared by every endpoint of this component. */
  synchronized BusTransport transport() throws Exception {
    if (transport == null) {
      BusSettings settings = settings();
      if (settings.inMemory()) {
        LOG.info("Event bus: in memory (events are lost when the JVM stops)");
        transport = new InMemoryTransport(settings);
      } else if (KafkaTransport.handles(settings.url())) {
        LOG.info("Event bus: Kafka at {}", settings.redactedUrl());
        transport = KafkaTransport.connect(settings);
      } else {
        LOG.info(
            "Event bus: NATS JetStream at {}{}",
            settings.redactedUrl(),
            username == null ? "" : " as user " + username);
        transport = JetStreamTransport.connect(settings);
      }
    }
    return transport;
  }

  /**
   * The bus's JetStream connection (connecting first when needed), for sources that keep their
   * progress in its KV store; null on the in-memory bus.
   */
  public io.nats.client.Connection jetStreamConnection() throws Exception {
    return transport().jetStreamConnection();
  }

  @Override
  public CorrelationStore correlationStore(String sensorName) throws Exception {
    return transport().correlationStore(sensorName);
  }

  @Override
  public SharedRateLimits sharedRateLimits(String sensorName) throws Exception {
    return transport().sharedRateLimits(sensorName);
  }

  @Override
  public SharedFiredEventIds sharedFiredEventIds(String sensorName) throws Exception {
    if (deduplicationWindow == null
        || deduplicationWindow.isNegative()
        || deduplicationWindow.isZero()) {
      throw new IllegalArgumentException(
          "eventbus option 'deduplicationWindow' must be positive, not " + deduplicationWindow);
    }
    return transport().sharedFiredEventIds(sensorName, deduplicationWindow);
  }

  /**
   * The workers every consumer of this component runs its exchanges on: made on demand (no queue: a
   * new one while every other is busy), ended after 30 s idle, at most {@value #MAX_WORKERS};
   * beyond that the bus's delivery thread of that consumer runs the exchange (backpressure). Each
   * consumer still bounds its own exchanges by {@code maxInFlight}. One pool per runtime keeps a
   * runtime of many quiet Sensors at few threads.
   */
  synchronized ExecutorService workers() {
    if (workers == null) {
      ThreadPoolProfile profile = WorkerScheduler.onDemand("eventbus-workers", MAX_WORKERS);
      profile.setRejectedPolicy(
          ThreadPoolRejectedPolicy.CallerRuns); // backpressure on that consumer's delivery
      workers =
          getCamelContext()
              .getExecutorServiceManager()
              .newThreadPool(this, "eventbus-workers", profile);
    }
    return workers;
  }

  /** The one thread that sends every consumer's "in progress" signals (short tasks). */
  synchronized ScheduledExecutorService inProgressTicker() {
    if (inProgressTicker == null) {
      inProgressTicker =
          getCamelContext()
              .getExecutorServiceManager()
              .newSingleThreadScheduledExecutor(this, "eventbus-in-progress");
    }
    return inProgressTicker;
  }

  /** The {@code argoMetrics} bean of the registry, else metrics that go nowhere. */
  synchronized ArgoMetrics metrics() {
    if (metrics == null) {
      ArgoMetrics bound =
          getCamelContext()
              .getRegistry()
              .lookupByNameAndType(ArgoMetrics.BEAN_NAME, ArgoMetrics.class);
      metrics = bound != null ? bound : ArgoMetrics.noop();
    }
    return metrics;
  }

  BusSettings settings() {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException(
          "eventbus option 'maxInFlight' must be at least 1, not " + maxInFlight);
    }
    return new BusSettings(
        url,
        username,
        password,
        streamMaxMsgs,
        streamMaxAge,
        streamMaxBytes,
        streamDuplicates,
        streamReplicas,
        maxInFlight,
        ackWait,
        nakDelay,
        publishTimeout,
        pullExpiry);
  }

  @Override
  protected void doStop() throws Exception {
    synchronized (this) {
      ExecutorServiceManager executors = getCamelContext().getExecutorServiceManager();
      if (workers != null) {
        executors.shutdownGraceful(workers);
        workers = null;
      }
      if (inProgressTicker != null) {
        executors.shutdown(inProgressTicker);
        inProgressTicker = null;
      }
      if (transport != null) {
        transport.close();
        transport = null;
      }
      metrics = null;
    }
    super.doStop();
  }

  public String getUrl() {
    return url;
  }

  /** {@code nats://host:port[,…]}; absent or {@code memory} for the in-memory bus. */
  public void setUrl(String url) {
    this.url = url;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public long getStreamMaxMsgs() {
    return streamMaxMsgs;
  }

  public void setStreamMaxMsgs(long streamMaxMsgs) {
    this.streamMaxMsgs = streamMaxMsgs;
  }

  public Duration getStreamMaxAge() {
    return streamMaxAge;
  }

  public void setStreamMaxAge(Duration streamMaxAge) {
    this.streamMaxAge = streamMaxAge;
  }

  public long getStreamMaxBytes() {
    return streamMaxBytes;
  }

  public void setStreamMaxBytes(long streamMaxBytes) {
    this.streamMaxBytes = streamMaxBytes;
  }

  public Duration getStreamDuplicates() {
    return streamDuplicates;
  }

  public void setStreamDuplicates(Duration streamDuplicates) {
    this.streamDuplicates = streamDuplicates;
  }

  public int getStreamReplicas() {
    return streamReplicas;
  }

  public void setStreamReplicas(int streamReplicas) {
    this.streamReplicas = streamReplicas;
  }

  public int getMaxInFlight() {
    return maxInFlight;
  }

  /**
   * Exchanges one consumer runs at a time (default {@value BusSettings#DEFAULT_MAX_IN_FLIGHT}); 1
   * keeps each consumer's events in order.
   */
  public void setMaxInFlight(int maxInFlight) {
    this.maxInFlight = maxInFlight;
  }

  public Duration getAckWait() {
    return ackWait;
  }

  public void setAckWait(Duration ackWait) {
    this.ackWait = ackWait;
  }

  public Duration getNakDelay() {
    return nakDelay;
  }

  public void setNakDelay(Duration nakDelay) {
    this.nakDelay = nakDelay;
  }

  public Duration getPublishTimeout() {
    return publishTimeout;
  }

  public void setPublishTimeout(Duration publishTimeout) {
    this.publishTimeout = publishTimeout;
  }

  public Duration getPullExpiry() {
    return pullExpiry;
  }

  public void setPullExpiry(Duration pullExpiry) {
    this.pullExpiry = pullExpiry;
  }

  public Duration getDeduplicationWindow() {
    return deduplicationWindow;
  }

  /**
   * How long the replicas of a Sensor remember the event ids that fired a trigger (the max age of
   * its {@code _fired_<sensor>} bucket on JetStream). Argo's 1 minute by default; shorter only for
   * tests, and the same on every replica.
   */
  public void setDeduplicationWindow(Duration deduplicationWindow) {
    this.deduplicationWindow = deduplicationWindow;
  }
}
