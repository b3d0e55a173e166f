package io.caravan.routes.source.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.EventMetadata;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.backoff.RetryBackoff;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.support.tls.TlsSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the endpoint's topic at QoS 0 with a clean session, as Argo does, and sends each
 * message, as Argo's mqtt event data, through the route, one at a time and in order. Starting does
 * not wait for the broker: a background thread connects, waiting as {@code connectionBackoff} says
 * between attempts (after its last step, the last wait again) and for ever, where Argo gives up
 * after the backoff's steps. A lost connection is made again the same way, with the subscription
 * (Argo's client reconnects without subscribing again). QoS 0 has no acknowledgements: a message
 * the route fails on is logged and lost, as in Argo.
 */
final class MqttSourceConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(MqttSourceConsumer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long REFUSED_LOG_INTERVAL_NANOS = Duration.ofSeconds(60).toNanos();

  private final AtomicLong lastRefusedLog =
      new AtomicLong(System.nanoTime() - REFUSED_LOG_INTERVAL_NANOS);
  private final String where;
  private ObjectNode metadata;
  private ArgoMetrics metrics;
  private volatile CountDownLatch stopped = new CountDownLatch(0);
  private volatile boolean subscribed;
  private MqttClient client;
  private Thread connector;

  MqttSourceConsumer(MqttSourceEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
    this.where = "argo-mqtt " + endpoint.getName();
  }

  @Override
  public MqttSourceEndpoint getEndpoint() {
    return (MqttSourceEndpoint) super.getEndpoint();
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    MqttSourceEndpoint endpoint = getEndpoint();
    metadata = EventMetadata.parse(endpoint.metadata, where);
    ArgoMetrics bound =
        endpoint
            .getCamelContext()
            .getRegistry()
            .lookupByNameAndType(ArgoMetrics.BEAN_NAME, ArgoMetrics.class);
    metrics = bound == null ? ArgoMetrics.noop() : bound;
    client = new MqttClient(serverUri(endpoint.url), endpoint.clientId, new MemoryPersistence());
    client.setCallback(new Messages());
    stopped = new CountDownLatch(1);
    startConnector();
  }

  private synchronized void startConnector() {
    if (stopped.getCount() == 0 || (connector != null && connector.isAlive())) {
      return;
    }
    connector = new Thread(this::connect, "caravan-mqtt-connect-" + getEndpoint().getName());
    connector.setDaemon(true);
    connector.start();
  }

  /** Connects and subscribes, retrying with the backoff until it does or the consumer stops. */
  private void connect() {
    MqttSourceEndpoint endpoint = getEndpoint();
    RetryBackoff backoff = backoff(endpoint);
    for (int attempt = 1; isRunAllowed() && stopped.getCount() > 0; attempt++) {
      try {
        MqttConnectOptions options = options(endpoint);
        client.connect(options);
        client.subscribe(endpoint.topic, 0);
        subscribed = true;
        LOG.info(
            "{}: subscribed to '{}' at QoS 0 as client '{}' on {}",
            where,
            endpoint.topic,
            endpoint.clientId,
            safe(endpoint.url));
        return;
      } catch (Exception e) {
        try {
          if (client.isConnected()) {
            client.disconnectForcibly(0, 1_000);
          }
        } catch (Exception ignored) {
          // the next attempt connects again
        }
        long wait = delayMillis(backoff, attempt);
        if (attempt == 1 || attempt % 10 == 0) {
          LOG.warn(
              "{}: not connected to {} ({} attempt(s)): {}; retrying every {} ms",
              where,
              safe(endpoint.url),
              attempt,
              e.getCause() == null || e.getCause().getMessage() == null
                  ? e.getMessage()
                  : e.getMessage() + ": " + e.getCause().getMessage(),
              wait);
        }
        try {
          if (stopped.await(wait, TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Argo's options: a clean session, user and password from secrets, TLS for a TLS URL. */
  private MqttConnectOptions options(MqttSourceEndpoint endpoint) throws Exception {
    SecretStore secrets = SecretRefs.store(endpoint.getCamelContext());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval(30);
    options.setConnectionTimeout(30);
    if (endpoint.usernameSecret != null) {
      options.setUserName(
          SecretRefs.value(secrets, endpoint.usernameSecret, where + ": auth.username"));
      options.setPassword(
          SecretRefs.value(secrets, endpoint.passwordSecret, where + ": auth.password")
              .toCharArray());
    }
    if (serverUri(endpoint.url).startsWith("ssl://")) {
      TlsSettings tls =
          endpoint.tls ? TlsSettings.read(tlsBlock(endpoint), secrets, where + ": tls") : null;
      SSLContext context =
          tls == null || tls.isNone() ? SSLContext.getDefault() : tls.sslContext(where + ": tls");
      options.setSocketFactory(context.getSocketFactory());
      options.setHttpsHostnameVerificationEnabled(tls == null || !tls.insecureSkipVerify());
    }
    return options;
  }

  @Override
  protected void doStop() throws Exception {
    stopped.countDown();
    Thread thread;
    synchronized (this) {
      thread = connector;
      connector = null;
    }
    if (thread != null) {
      thread.interrupt();
      thread.join(5_000);
    }
    subscribed = false;
    if (client != null) {
      try {
        if (client.isConnected()) {
          client.disconnectForcibly(0, 1_000);
        }
      } finally {
        client.close(true);
        client = null;
      }
    }
    super.doStop();
  }

  /** Whether the subscription is in place. */
  boolean isSubscribed() {
    return subscribed;
  }

  /** The callback the client calls, one message at a time, on its callback thread. */
  private final class Messages implements MqttCallback {
    @Override
    public void connectionLost(Throwable cause) {
      subscribed = false;
      LOG.warn(
          "{}: not connected to the broker ({}); retrying",
          where,
          cause == null ? "closed" : cause.getMessage());
      startConnector();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      MqttSourceEndpoint endpoint = getEndpoint();
      ObjectNode data;
      try {
        data = MqttEventData.of(topic, message, endpoint.jsonBody, metadata);
      } catch (MqttEventData.NotJsonException e) {
        refused(topic, e);
        return;
      }
      process(data);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}
  }

  /** Counts and logs (once a minute) a message that {@code jsonBody: true} cannot embed. */
  private void refused(String topic, MqttEventData.NotJsonException e) {
    MqttSourceEndpoint endpoint = getEndpoint();
    metrics.eventProcessingFailed(endpoint.getEventSourceName(), endpoint.getEventName());
    long now = System.nanoTime();
    long last = lastRefusedLog.get();
    if (now - last >= REFUSED_LOG_INTERVAL_NANOS && lastRefusedLog.compareAndSet(last, now)) {
      LOG.warn(
          "{}: message on '{}' dropped: jsonBody is true but {} (logged once a minute)",
          where,
          topic,
          e.getMessage());
    }
  }

  /** Sends one event's data through the route (to the bus), synchronously; never throws. */
  private void process(ObjectNode data) {
    Exchange exchange = createExchange(false);
    try {
      exchange.getIn().setBody(data);
      getProcessor().process(exchange);
    } catch (Exception e) {
      exchange.setException(e);
    }
    if (exchange.getException() != null) {
      getExceptionHandler()
          .handleException(where + ": event failed", exchange, exchange.getException());
    }
    releaseExchange(exchange, false);
  }

  /**
   * Paho's URI for Argo's URL: {@code tcp://} for {@code tcp}/{@code mqtt}, {@code ssl://} for
   * {@code ssl}/{@code tls}/{@code mqtts}/{@code tcps} (the schemes Argo's Go client takes).
   */
  static String serverUri(String url) {
    int colon = url.indexOf("://");
    String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = colon < 0 ? url : url.substring(colon + 3);
    return switch (scheme) {
      case "ssl", "tls", "mqtts", "tcps" -> "ssl://" + rest;
      default -> "tcp://" + rest;
    };
  }

  private static String safe(String url) {
    return url.replaceFirst("^([a-zA-Z]+://)[^@/]*@", "$1");
  }

  private static long delayMillis(RetryBackoff backoff, int attempt) {
    return Math.max(
        1,
        backoff
            .delayAfter(
                Math.min(Math.max(attempt, 1), backoff.attempts()),
                ThreadLocalRandom.current().nextDouble())
            .toMillis());
  }

  /** The connectionBackoff; Argo's default (5 steps, 1 s, factor 1, jitter 1) when unset. */
  private static RetryBackoff backoff(MqttSourceEndpoint endpoint) {
    ObjectNode block = JSON.createObjectNode();
    block.put("steps", endpoint.backoffSteps == null ? 0 : endpoint.backoffSteps);
    if (endpoint.backoffDuration != null) {
      block.put("duration", endpoint.backoffDuration);
    }
    if (endpoint.backoffFactor != null) {
      block.put("factor", endpoint.backoffFactor);
    }
    if (endpoint.backoffJitter != null) {
      block.put("jitter", endpoint.backoffJitter);
    }
    return RetryBackoff.parse(block.toString());
  }

  private static JsonNode tlsBlock(MqttSourceEndpoint endpoint) {
    return SecretRefs.tlsBlock(
        JSON.createObjectNode(),
        endpoint.tlsCaCertSecret,
        endpoint.tlsClientCertSecret,
        endpoint.tlsClientKeySecret,
        endpoint.tlsInsecureSkipVerify);
  }
}
