package io.caravan.routes.source.amqp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.caravan.routes.event.EventMetadata;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.backoff.RetryBackoff;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.support.secrets.SecretStore;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Declares the exchange and the queue, binds them and consumes, sending each delivery as Argo's
 * amqp event data through the route, one at a time and in order. Starting does not wait for the
 * broker: a background thread connects, waiting as {@code connectionBackoff} says between attempts
 * (after its last step, the last wait again) and for ever, where Argo gives up after the backoff's
 * steps; a lost connection is recovered with its exchange, queue, binding and consumer. With {@code
 * autoAck: false} a delivery is acknowledged once the route (the bus) stored its event, and
 * returned to the queue a second later when the route failed; Argo never acknowledges there.
 */
final class AmqpSourceConsumer extends org.apache.camel.support.DefaultConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(AmqpSourceConsumer.class);
  private static final long REFUSED_LOG_INTERVAL_NANOS = Duration.ofSeconds(60).toNanos();
  private static final long REQUEUE_DELAY_MILLIS = 1_000;

  private final AtomicLong lastRefusedLog =
      new AtomicLong(System.nanoTime() - REFUSED_LOG_INTERVAL_NANOS);
  private final String where;
  private ObjectNode metadata;
  private Map<String, Object> queueArguments;
  private ArgoMetrics metrics;
  private volatile CountDownLatch stopped = new CountDownLatch(0);
  private Connection connection;
  private Thread connector;
  private volatile String queue;

  AmqpSourceConsumer(AmqpSourceEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
    this.where = "argo-amqp " + endpoint.getName();
  }

  @Override
  public AmqpSourceEndpoint getEndpoint() {
    return (AmqpSourceEndpoint) super.getEndpoint();
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    AmqpSourceEndpoint endpoint = getEndpoint();
    metadata = EventMetadata.parse(endpoint.metadata, where);
    queueArguments = AmqpConnections.arguments(endpoint.queueArguments, where);
    ArgoMetrics bound =
        endpoint
            .getCamelContext()
            .getRegistry()
            .lookupByNameAndType(ArgoMetrics.BEAN_NAME, ArgoMetrics.class);
    metrics = bound == null ? ArgoMetrics.noop() : bound;
    stopped = new CountDownLatch(1);
    startConnector();
  }

  private synchronized void startConnector() {
    connector = new Thread(this::connect, "caravan-amqp-connect-" + getEndpoint().getName());
    connector.setDaemon(true);
    connector.start();
  }

  /** Connects and consumes, retrying with the backoff until it does or the consumer stops. */
  private void connect() {
    Connection previous;
    synchronized (this) {
      previous = connection;
      connection = null;
    }
    if (previous != null) {
      previous.abort(5_000); // a consumer the broker cancelled: start again on a new connection
    }
    AmqpSourceEndpoint endpoint = getEndpoint();
    RetryBackoff backoff = AmqpConnections.backoff(endpoint);
    for (int attempt = 1; isRunAllowed() && stopped.getCount() > 0; attempt++) {
      Connection opened = null;
      try {
        SecretStore secrets = SecretRefs.store(endpoint.getCamelContext());
        ConnectionFactory factory = AmqpConnections.factory(endpoint, secrets, where);
        opened =
            factory.newConnection("caravan-eventsource-" + endpoint.getName().replace('/', '-'));
        Channel channel = opened.createChannel();
        String declared = declareAndConsume(channel);
        synchronized (this) {
          if (!isRunAllowed() || stopped.getCount() == 0) {
            opened.abort();
            return;
          }
          watch(opened);
          connection = opened;
          queue = declared;
        }
        LOG.info(
            "{}: consuming queue '{}' bound to exchange '{}' with routing key '{}' on {}{}",
            where,
            declared,
            endpoint.exchangeName,
            endpoint.routingKey,
            AmqpConnections.safe(endpoint),
            endpoint.autoAck ? "" : " (acknowledged after the bus stored each event)");
        return;
      } catch (Exception e) {
        if (opened != null) {
          opened.abort();
        }
        long wait = AmqpConnections.delayMillis(backoff, attempt);
        if (attempt == 1 || attempt % 10 == 0) {
          LOG.warn(
              "{}: not connected to {} ({} attempt(s)): {}; retrying every {} ms",
              where,
              AmqpConnections.safe(endpoint),
              attempt,
              e.getMessage(),
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

  /** Argo's exchange declare, queue declare, queue bind and consume; the queue's name. */
  private String declareAndConsume(Channel channel) throws IOException {
    AmqpSourceEndpoint e = getEndpoint();
    if (e.exchangeNoWait) {
      channel.exchangeDeclareNoWait(
          e.exchangeName,
          e.exchangeType,
          e.exchangeDurable,
          e.exchangeAutoDelete,
          e.exchangeInternal,
          null);
    } else {
      channel.exchangeDeclare(
          e.exchangeName,
          e.exchangeType,
          e.exchangeDurable,
          e.exchangeAutoDelete,
          e.exchangeInternal,
          null);
    }
    String name = e.queueName;
    if (e.queueNoWait) {
      channel.queueDeclareNoWait(
          name, e.queueDurable, e.queueExclusive, e.queueAutoDelete, queueArguments);
    } else {
      name =
          channel
              .queueDeclare(
                  name, e.queueDurable, e.queueExclusive, e.queueAutoDelete, queueArguments)
              .getQueue();
    }
    if (e.queueBindNoWait) {
      channel.queueBindNoWait(name, e.exchangeName, e.routingKey, null);
    } else {
      channel.queueBind(name, e.exchangeName, e.routingKey);
    }
    channel.basicConsume(
        name,
        e.autoAck,
        e.consumerTag,
        e.consumeNoLocal,
        e.consumeExclusive,
        null,
        new Deliveries(channel));
    return name;
  }

  /** Logs a lost and a recovered connection. */
  private void watch(Connection opened) {
    opened.addShutdownListener(
        cause -> {
          if (!cause.isInitiatedByApplication()) {
            LOG.warn("{}: not connected to the broker ({}); retrying", where, cause.getMessage());
          }
        });
    if (opened instanceof Recoverable recoverable) {
      recoverable.addRecoveryListener(
          new RecoveryListener() {
            @Override
            public void handleRecovery(Recoverable recovered) {
              LOG.info("{}: connected again to {}", where, AmqpConnections.safe(getEndpoint()));
            }

            @Override
            public void handleRecoveryStarted(Recoverable recovering) {}
          });
    }
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
    synchronized (this) {
      if (connection != null) {
        connection.abort(5_000);
        connection = null;
      }
      queue = null;
    }
    super.doStop();
  }

  /** The queue consumed, once consuming (null before and after). */
  String queue() {
    return queue;
  }

  /**
   * The consumer the channel calls, one delivery at a time: the event through the route, then the
   * acknowledgement (with {@code autoAck: false}).
   */
  private final class Deliveries extends DefaultConsumer {
    Deliveries(Channel channel) {
      super(channel);
    }

    @Override
    public void handleDelivery(
        String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
        throws IOException {
      AmqpSourceEndpoint endpoint = getEndpoint();
      ObjectNode data;
      try {
        data = AmqpEventData.of(envelope, properties, body, endpoint.jsonBody, metadata);
      } catch (AmqpEventData.NotJsonException e) {
        refused(envelope, e);
        if (!endpoint.autoAck) {
          getChannel().basicReject(envelope.getDeliveryTag(), false); // to a dead-letter exchange
        }
        return;
      }
      boolean ok = process(data);
      if (endpoint.autoAck) {
        return;
      }
      if (ok) {
        getChannel().basicAck(envelope.getDeliveryTag(), false);
        return;
      }
      try {
        if (stopped.await(REQUEUE_DELAY_MILLIS, TimeUnit.MILLISECONDS)) {
          return; // stopping: the broker requeues what was not acknowledged
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      getChannel().basicNack(envelope.getDeliveryTag(), false, true);
    }

    @Override
    public void handleCancel(String consumerTag) {
      LOG.warn(
          "{}: the broker cancelled the consumer (queue '{}' deleted?); declaring again",
          where,
          queue);
      synchronized (AmqpSourceConsumer.this) {
        queue = null;
        if (isRunAllowed() && stopped.getCount() > 0) {
          startConnector();
        }
      }
    }
  }

  /** Counts and logs (once a minute) a delivery that {@code jsonBody: true} cannot embed. */
  private void refused(Envelope envelope, AmqpEventData.NotJsonException e) {
    AmqpSourceEndpoint endpoint = getEndpoint();
    metrics.eventProcessingFailed(endpoint.getEventSourceName(), endpoint.getEventName());
    long now = System.nanoTime();
    long last = lastRefusedLog.get();
    if (now - last >= REFUSED_LOG_INTERVAL_NANOS && lastRefusedLog.compareAndSet(last, now)) {
      LOG.warn(
          "{}: message with routing key '{}' dropped: jsonBody is true but {} (logged once a minute)",
          where,
          envelope.getRoutingKey(),
          e.getMessage());
    }
  }

  /** Sends one event's data through the route (to the bus), synchronously; true when it did. */
  private boolean process(ObjectNode data) {
    Exchange exchange = createExchange(false);
    try {
      exchange.getIn().setBody(data);
      getProcessor().process(exchange);
    } catch (Exception e) {
      exchange.setException(e);
    }
    boolean ok = exchange.getException() == null;
    if (!ok) {
      getExceptionHandler()
          .handleException(where + ": event failed", exchange, exchange.getException());
    }
    releaseExchange(exchange, false);
    return ok;
  }
}
