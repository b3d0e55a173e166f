package io.caravan.routes.source.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.EventMetadata;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.backoff.RetryBackoff;
import io.caravan.routes.support.nats.NatsAuth;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.support.tls.TlsSettings;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the endpoint's subject (in its queue group when set) and sends each message, as
 * Argo's nats event data, through the route, one at a time and in order. Starting does not wait for
 * the server: a background thread connects, waiting as {@code connectionBackoff} says between
 * attempts (after its last step, the last wait again) and for ever, where Argo gives up after the
 * backoff's steps. Core NATS has no acknowledgements: a message the route fails on is counted and
 * logged, as in Argo.
 */
final class NatsSourceConsumer extends DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(NatsSourceConsumer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long REFUSED_LOG_INTERVAL_NANOS = Duration.ofSeconds(60).toNanos();

  private final AtomicLong lastRefusedLog =
      new AtomicLong(System.nanoTime() - REFUSED_LOG_INTERVAL_NANOS);
  private ObjectNode metadata;
  private ArgoMetrics metrics;
  private Connection connection;
  private Thread connector;

  NatsSourceConsumer(NatsSourceEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  public NatsSourceEndpoint getEndpoint() {
    return (NatsSourceEndpoint) super.getEndpoint();
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    NatsSourceEndpoint endpoint = getEndpoint();
    String where = "argo-nats " + endpoint.getName();
    metadata = EventMetadata.parse(endpoint.getMetadata(), where);
    ArgoMetrics bound =
        getEndpoint()
            .getCamelContext()
            .getRegistry()
            .lookupByNameAndType(ArgoMetrics.BEAN_NAME, ArgoMetrics.class);
    metrics = bound == null ? ArgoMetrics.noop() : bound;
    Options options = options(endpoint, where);
    RetryBackoff backoff = backoff(endpoint);
    connector =
        new Thread(
            () -> connect(options, backoff, where), "caravan-nats-connect-" + endpoint.getName());
    connector.setDaemon(true);
    connector.start();
  }

  /**
   * Connects, retrying with the backoff until connected or stopped, then subscribes; once
   * connected, jnats reconnects by itself and keeps the subscription.
   */
  private void connect(Options options, RetryBackoff backoff, String where) {
    NatsSourceEndpoint endpoint = getEndpoint();
    for (int attempt = 1; isRunAllowed() && !Thread.currentThread().isInterrupted(); attempt++) {
      try {
        Connection connected = Nats.connect(options);
        synchronized (this) {
          if (!isRunAllowed()) {
            connected.close();
            return;
          }
          try {
            subscribe(connected, endpoint);
          } catch (Exception e) {
            connected.close();
            throw e;
          }
          connection = connected;
        }
        LOG.info(
            "{}: subscribed to '{}'{}{}",
            where,
            endpoint.getSubject(),
            endpoint.getQueue() == null ? "" : " in queue group '" + endpoint.getQueue() + "'",
            endpoint.getJetStreamStream() == null
                ? ""
                : " from JetStream stream '"
                    + endpoint.getJetStreamStream()
                    + "' as durable '"
                    + endpoint.getJetStreamDurable()
                    + "'");
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        Duration wait =
            backoff.delayAfter(
                Math.min(attempt, backoff.attempts()), ThreadLocalRandom.current().nextDouble());
        if (attempt == 1 || attempt % 10 == 0) {
          LOG.warn(
              "{}: not connected to {} ({} attempt(s)): {}; retrying every {} ms",
              where,
              endpoint.getUrl(),
              attempt,
              e.getMessage(),
              wait.toMillis());
        }
        try {
          Thread.sleep(
              Math.max(1, wait.toMillis())); // the connection backoff's wait; nothing to poll
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** A core (queue) subscription, or with {@code jetStream} a durable push consumer. */
  private void subscribe(Connection connected, NatsSourceEndpoint endpoint) throws Exception {
    if (endpoint.getJetStreamStream() != null) {
      NatsJetStreamMessages jetStream =
          new NatsJetStreamMessages(endpoint, metadata, this::process, metrics, this::refused);
      jetStream.subscribe(connected);
      return;
    }
    Dispatcher dispatcher = connected.createDispatcher(this::onMessage);
    if (endpoint.getQueue() != null) {
      dispatcher.subscribe(endpoint.getSubject(), endpoint.getQueue());
    } else {
      dispatcher.subscribe(endpoint.getSubject());
    }
  }

  @Override
  protected void doStop() throws Exception {
    Thread thread = connector;
    connector = null;
    if (thread != null) {
      thread.interrupt();
      thread.join(5_000);
    }
    synchronized (this) {
      if (connection != null) {
        connection.close();
        connection = null;
      }
    }
    super.doStop();
  }

  /** Whether the subscription is in place (connected at least once and not stopped). */
  synchronized boolean isSubscribed() {
    return connection != null;
  }

  /** The connection's options: server, TLS, auth, retries for ever with the backoff's waits. */
  private Options options(NatsSourceEndpoint endpoint, String where) throws Exception {
    SecretStore secrets = SecretRefs.store(endpoint.getCamelContext());
    Options.Builder options =
        new Options.Builder()
            .server(endpoint.getUrl())
            .connectionName("caravan-eventsource-" + endpoint.getName().replace('/', '-'))
            .maxReconnects(-1)
            .reconnectDelayHandler(delays(endpoint))
            .connectionListener(listener(where));
    if (endpoint.isTls()) {
      TlsSettings tls = TlsSettings.read(tlsBlock(endpoint), secrets, where + ": tls");
      options.sslContext(
          tls.isNone() ? javax.net.ssl.SSLContext.getDefault() : tls.sslContext(where + ": tls"));
    }
    NatsAuth.read(authBlock(endpoint), secrets, where + ": auth")
        .applyTo(options, where + ": auth");
    return options.build();
  }

  /** Waits between reconnection attempts once connected: the backoff's, then its last one again. */
  private static io.nats.client.ReconnectDelayHandler delays(NatsSourceEndpoint endpoint) {
    RetryBackoff backoff = backoff(endpoint);
    return tries ->
        backoff.delayAfter(
            (int) Math.min(Math.max(tries, 1), backoff.attempts()),
            ThreadLocalRandom.current().nextDouble());
  }

  /**
   * The endpoint's connectionBackoff; Argo's default (5 steps, 1 s, factor 1, jitter 1) when unset.
   */
  private static RetryBackoff backoff(NatsSourceEndpoint endpoint) {
    ObjectNode block = JSON.createObjectNode();
    block.put("steps", endpoint.getBackoffSteps() == null ? 0 : endpoint.getBackoffSteps());
    if (endpoint.getBackoffDuration() != null) {
      block.put("duration", endpoint.getBackoffDuration());
    }
    if (endpoint.getBackoffFactor() != null) {
      block.put("factor", endpoint.getBackoffFactor());
    }
    if (endpoint.getBackoffJitter() != null) {
      block.put("jitter", endpoint.getBackoffJitter());
    }
    return RetryBackoff.parse(block.toString());
  }

  private static ConnectionListener listener(String where) {
    return (conn, event) -> {
      switch (event) {
        case CONNECTED, RECONNECTED ->
            LOG.info("{}: connected to {}", where, conn.getConnectedUrl());
        case DISCONNECTED -> LOG.warn("{}: not connected to the NATS server; retrying", where);
        default -> LOG.debug("{}: {}", where, event);
      }
    };
  }

  private void onMessage(Message message) {
    NatsSourceEndpoint endpoint = getEndpoint();
    ObjectNode data;
    try {
      data = NatsEventData.of(message, endpoint.isJsonBody(), metadata);
    } catch (NatsEventData.NotJsonException e) {
      refused(message, e);
      return;
    }
    process(data, null);
  }

  /** Counts and logs (once a minute) a message that {@code jsonBody: true} cannot embed. */
  private void refused(Message message, NatsEventData.NotJsonException e) {
    NatsSourceEndpoint endpoint = getEndpoint();
    metrics.eventProcessingFailed(endpoint.getEventSourceName(), endpoint.getEventName());
    long now = System.nanoTime();
    long last = lastRefusedLog.get();
    if (now - last >= REFUSED_LOG_INTERVAL_NANOS && lastRefusedLog.compareAndSet(last, now)) {
      LOG.warn(
          "argo-nats {}: message on '{}' dropped: jsonBody is true but {} (logged once a minute)",
          endpoint.getName(),
          message.getSubject(),
          e.getMessage());
    }
  }

  /**
   * Sends one event's data through the route (to the bus), synchronously; true when the route
   * completed without exception. {@code eventId}, when set, becomes the event's id.
   */
  private boolean process(ObjectNode data, String eventId) {
    NatsSourceEndpoint endpoint = getEndpoint();
    Exchange exchange = createExchange(false);
    try {
      exchange.getIn().setBody(data);
      if (eventId != null) {
        exchange.getIn().setHeader(ExchangeKeys.EVENT_ID, eventId);
      }
      getProcessor().process(exchange);
    } catch (Exception e) {
      exchange.setException(e);
    }
    boolean ok = exchange.getException() == null;
    if (!ok) {
      getExceptionHandler()
          .handleException(
              "argo-nats " + endpoint.getName() + ": event failed",
              exchange,
              exchange.getException());
    }
    releaseExchange(exchange, false);
    return ok;
  }

  private static JsonNode tlsBlock(NatsSourceEndpoint endpoint) {
    return SecretRefs.tlsBlock(
        JSON.createObjectNode(),
        endpoint.getTlsCaCertSecret(),
        endpoint.getTlsClientCertSecret(),
        endpoint.getTlsClientKeySecret(),
        endpoint.isTlsInsecureSkipVerify());
  }

  private static JsonNode authBlock(NatsSourceEndpoint endpoint) {
    ObjectNode auth = JSON.createObjectNode();
    if (endpoint.getUsernameSecret() != null) {
      ObjectNode basic = auth.putObject("basic");
      SecretRefs.putSelector(basic, "username", endpoint.getUsernameSecret());
      SecretRefs.putSelector(basic, "password", endpoint.getPasswordSecret());
    }
    SecretRefs.putSelector(auth, "token", endpoint.getTokenSecret());
    SecretRefs.putSelector(auth, "nkey", endpoint.getNkeySecret());
    SecretRefs.putSelector(auth, "credential", endpoint.getCredentialSecret());
    return auth;
  }
}
