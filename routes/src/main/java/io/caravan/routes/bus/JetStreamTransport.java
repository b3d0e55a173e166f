package io.caravan.routes.bus;

import io.caravan.routes.delivery.SharedFiredEventIds;
import io.caravan.routes.delivery.SharedRateLimits;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.StreamContext;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.Headers;
import io.nats.client.support.Status;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus on NATS JetStream, wire-compatible with Argo Events: stream {@code default}, subjects
 * {@code default.<eventSource>.<event>}, header {@code Nats-Msg-Id}, durable pull consumers with
 * explicit acks. One connection, reconnecting forever.
 */
final class JetStreamTransport implements BusTransport {
  private static final Logger LOG = LoggerFactory.getLogger(JetStreamTransport.class);

  /** JetStream API error code "stream not found". */
  private static final int STREAM_NOT_FOUND = 10059;

  private final BusSettings settings;
  private final Connection connection;
  private final JetStream jetStream;
  private final Map<String, JetStreamCorrelationStore> correlationStores =
      new ConcurrentHashMap<>();
  private final Map<String, SharedRateLimits> rateLimits = new ConcurrentHashMap<>();
  private final Map<String, SharedFiredEventIds> firedEventIds = new ConcurrentHashMap<>();

  private JetStreamTransport(BusSettings settings, Connection connection) throws IOException {
    this.settings = settings;
    this.connection = connection;
    this.jetStream = connection.jetStream();
  }

  /** How long the first connection is retried before the route fails to start. */
  static final Duration INITIAL_CONNECT_WAIT = Duration.ofSeconds(30);

  /** Connects to {@code settings.url()} and creates the stream when it is missing. */
  static JetStreamTransport connect(BusSettings settings)
      throws IOException, InterruptedException, JetStreamApiException {
    Options.Builder options =
        new Options.Builder()
            .servers(settings.url().split("\\s*,\\s*"))
            .connectionName("caravan")
            .maxReconnects(-1)
            .connectionListener(JetStreamTransport::onConnectionEvent)
            .errorListener(new LoggingErrorListener());
    if (settings.username() != null && !settings.username().isEmpty()) {
      options.userInfo(settings.username(), settings.password() == null ? "" : settings.password());
    }
    Connection connection = connectWithRetry(options.build(), settings);
    try {
      JetStreamTransport transport = new JetStreamTransport(settings, connection);
      transport.ensureStream(connection.jetStreamManagement());
      return transport;
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * The first connection, retried every second for up to {@link #INITIAL_CONNECT_WAIT}: a runtime
   * that starts before its NATS server (a pod beside a starting StatefulSet) waits for it. Once
   * connected, jnats reconnects forever.
   */
  private static Connection connectWithRetry(Options options, BusSettings settings)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + INITIAL_CONNECT_WAIT.toNanos();
    while (true) {
      try {
        return Nats.connect(options);
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IOException(
              "cannot connect to NATS at "
                  + settings.redactedUrl()
                  + " within "
                  + INITIAL_CONNECT_WAIT.toSeconds()
                  + " s: "
                  + e.getMessage(),
              e);
        }
        LOG.warn(
            "Event bus: NATS at {} not reachable yet ({}); retrying",
            settings.redactedUrl(),
            e.getMessage());
        Thread.sleep(1000);
      }
    }
  }

  /**
   * Creates stream {@code default} with Argo's settings when it does not exist; never updates one.
   */
  private void ensureStream(JetStreamManagement jsm) throws IOException, JetStreamApiException {
    if (streamExists(jsm)) {
      LOG.info("Event bus: using existing JetStream stream '{}'", BusSettings.STREAM);
      return;
    }
    StreamConfiguration config =
        StreamConfiguration.builder()
            .name(BusSettings.STREAM)
            .subjects(BusSettings.STREAM_SUBJECTS)
            .storageType(StorageType.File)
            .retentionPolicy(RetentionPolicy.Limits)
            .discardPolicy(DiscardPolicy.Old)
            .maxMessages(settings.streamMaxMsgs())
            .maxAge(settings.streamMaxAge())
            .maxBytes(settings.streamMaxBytes())
            .duplicateWindow(settings.streamDuplicates())
            .replicas(settings.streamReplicas())
            .build();
    try {
      jsm.addStream(config);
      LOG.info(
          "Event bus: created JetStream stream '{}' ({}, maxMsgs {}, maxAge {}, duplicates {})",
          BusSettings.STREAM,
          BusSettings.STREAM_SUBJECTS,
          settings.streamMaxMsgs(),
          settings.streamMaxAge(),
          settings.streamDuplicates());
    } catch (JetStreamApiException e) {
      if (!streamExists(jsm)) { // not a lost race with another process creating it
        throw e;
      }
    }
  }

  private static boolean streamExists(JetStreamManagement jsm)
      throws IOException, JetStreamApiException {
    try {
      StreamInfo info = jsm.getStreamInfo(BusSettings.STREAM);
      return info != null;
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public CompletableFuture<Void> publish(String subject, String msgId, byte[] data) {
    Connection.Status status = connection.getStatus();
    if (status != Connection.Status.CONNECTED) {
      // Fail now instead of buffering: a buffered message would be sent after the exchange failed.
      return CompletableFuture.failedFuture(
          new IOException(
              "NATS is not connected (" + status + "), event " + msgId + " not published"));
    }
    Headers headers = new Headers().put(BusSettings.MSG_ID_HEADER, msgId);
    long timeoutMillis = settings.publishTimeout().toMillis();
    try {
      return jetStream
          .publishAsync(subject, headers, data)
          .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
          .handle(
              (ack, error) -> {
                if (error == null) {
                  return null;
                }
                Throwable cause =
                    error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
                if (cause instanceof TimeoutException) {
                  throw new CompletionException(
                      new IOException(
                          "no JetStream acknowledgement for event "
                              + msgId
                              + " on "
                              + subject
                              + " within "
                              + timeoutMillis
                              + " ms"));
                }
                throw new CompletionException(cause);
              });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public Subscription subscribe(String subject, String durableName, Consumer<Delivery> handler)
      throws IOException, JetStreamApiException {
    // jnats 2.26.2's consume() never pulls again after a batch of 1, and the server refuses pulls
    // larger
    // than maxAckPending; so both are at least 2. The consumer itself runs at most maxInFlight at a
    // time.
    int window = Math.max(2, settings.maxInFlight());
    ConsumerConfiguration config =
        ConsumerConfiguration.builder()
            .durable(durableName)
            .filterSubject(subject)
            .ackPolicy(AckPolicy.Explicit)
            .deliverPolicy(DeliverPolicy.New)
            .ackWait(settings.ackWait())
            .maxAckPending(window)
            .build();
    StreamContext stream = connection.getStreamContext(BusSettings.STREAM);
    ConsumerContext context;
    try {
      context = stream.createOrUpdateConsumer(config);
    } catch (JetStreamApiException e) {
      // An existing durable with settings the server refuses to change: keep using it as it is.
      LOG.warn(
          "Event bus: cannot update durable consumer '{}' ({}); using it with its current settings",
          durableName,
          e.getMessage());
      context = stream.getConsumerContext(durableName);
    }
    ConsumeOptions options =
        ConsumeOptions.builder()
            .batchSize(window)
            .expiresIn(settings.pullExpiry().toMillis())
            .build();
    MessageConsumer consumer =
        context.consume(options, message -> handler.accept(new JetStreamDelivery(message)));
    LOG.info("Event bus: consuming {} as durable '{}'", subject, durableName);
    return () -> {
      try {
        // Unsubscribing also withdraws the open pull request, so the server keeps new messages for
        // the
        // next start of this durable instead of sending them here.
        consumer.close();
      } catch (Exception e) {
        LOG.warn("Event bus: stopping durable '{}' failed: {}", durableName, e.getMessage());
      }
    };
  }

  @Override
  public JetStreamCorrelationStore correlationStore(String sensorName) throws Exception {
    JetStreamCorrelationStore store = correlationStores.get(sensorName);
    if (store == null) {
      synchronized (correlationStores) {
        store = correlationStores.get(sensorName);
        if (store == null) {
          store = JetStreamCorrelationStore.open(connection, sensorName, settings.streamReplicas());
          correlationStores.put(sensorName, store);
        }
      }
    }
    return store;
  }

  /**
   * Rate-limit keys in the Sensor's correlation bucket (opened on first use, again after a
   * failure).
   */
  @Override
  public SharedRateLimits sharedRateLimits(String sensorName) {
    return rateLimits.computeIfAbsent(
        sensorName,
        sensor ->
            new JetStreamRateLimits(
                sensor, connection, () -> correlationStore(sensor).bucket(), Clock.systemUTC()));
  }

  /** Bucket {@code _fired_<sensor>} with max age {@code window} (created on first use). */
  @Override
  public SharedFiredEventIds sharedFiredEventIds(String sensorName, Duration window) {
    return firedEventIds.computeIfAbsent(
        sensorName,
        sensor ->
            new JetStreamFiredEventIds(sensor, connection, window, settings.streamReplicas()));
  }

  @Override
  public Connection jetStreamConnection() {
    return connection;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void onConnectionEvent(Connection connection, ConnectionListener.Events event) {
    String server = BusSettings.redact(connection.getConnectedUrl());
    switch (event) {
      case DISCONNECTED -> LOG.warn("Event bus: disconnected from NATS; reconnecting");
      case CLOSED -> LOG.info("Event bus: NATS connection closed");
      case CONNECTED, RECONNECTED, RESUBSCRIBED ->
          LOG.info("Event bus: NATS {} ({})", event.getEvent(), server);
      default -> LOG.debug("Event bus: NATS {} ({})", event.getEvent(), server);
    }
  }

  /** A JetStream message as a {@link Delivery}. */
  private record JetStreamDelivery(Message message) implements Delivery {
    @Override
    public byte[] data() {
      return message.getData();
    }

    @Override
    public void ack() {
      message.ack();
    }

    @Override
    public void nak(Duration delay) {
      message.nakWithDelay(delay);
    }

    @Override
    public void inProgress() {
      message.inProgress();
    }

    @Override
    public void term() {
      message.term();
    }

    @Override
    public String describe() {
      return message.getSubject()
          + " #"
          + message.metaData().streamSequence()
          + " (delivery "
          + message.metaData().deliveredCount()
          + ")";
    }

    @Override
    public boolean redelivered() {
      return message.metaData().deliveredCount() > 1;
    }
  }

  /** Logs NATS client errors through SLF4J; never includes credentials. */
  private static final class LoggingErrorListener implements ErrorListener {
    @Override
    public void errorOccurred(Connection conn, String error) {
      LOG.warn("Event bus: NATS error: {}", error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
      LOG.warn("Event bus: NATS client exception: {}", exp.toString());
    }

    @Override
    public void heartbeatAlarm(
        Connection conn, JetStreamSubscription sub, long lastStreamSeq, long lastConsumerSeq) {
      LOG.info("Event bus: heartbeat missed on a consumer; re-pulling");
    }

    @Override
    public void pullStatusError(Connection conn, JetStreamSubscription sub, Status status) {
      LOG.warn("Event bus: pull error {} {}", status.getCode(), status.getMessage());
    }
  }
}
