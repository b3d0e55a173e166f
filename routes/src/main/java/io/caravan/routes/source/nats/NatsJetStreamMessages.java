package io.caravan.routes.source.nats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.expr.GoDuration;
import io.caravan.routes.metrics.ArgoMetrics;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Caravan extension {@code nats.<event>.jetStream}: a durable push consumer on the user's
 * stream (explicit acks, one message in flight, so events keep the stream's order). A message is
 * acknowledged only after its event is on Caravan's bus; when the route fails it is negatively
 * acknowledged and redelivered after a second; a payload {@code jsonBody: true} cannot embed is
 * counted and terminated (it would never pass). The event id is {@code
 * <eventSource>:<event>:<stream>:<stream sequence>}, so a message redelivered after a crash between
 * the bus's store and the ack is dropped by the bus as a duplicate.
 */
final class NatsJetStreamMessages {
  private static final Logger LOG = LoggerFactory.getLogger(NatsJetStreamMessages.class);
  static final Duration REDELIVERY_DELAY = Duration.ofSeconds(1);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

  private final NatsSourceEndpoint endpoint;
  private final BiPredicate<ObjectNode, String> route;
  private final BiConsumer<Message, NatsEventData.NotJsonException> refused;
  private final ArgoMetrics metrics;
  private final ObjectNode metadata;

  NatsJetStreamMessages(
      NatsSourceEndpoint endpoint,
      ObjectNode metadata,
      BiPredicate<ObjectNode, String> route,
      ArgoMetrics metrics,
      BiConsumer<Message, NatsEventData.NotJsonException> refused) {
    this.endpoint = endpoint;
    this.route = route;
    this.metrics = metrics;
    this.refused = refused;
    this.metadata = metadata;
  }

  /** Binds to (or creates) the durable consumer; fails when the stream does not exist. */
  void subscribe(Connection connection) throws Exception {
    JetStream jetStream = connection.jetStream();
    ConsumerConfiguration.Builder consumer =
        ConsumerConfiguration.builder()
            .durable(endpoint.getJetStreamDurable())
            .ackPolicy(AckPolicy.Explicit)
            .deliverPolicy(deliverPolicy(endpoint.getJetStreamDeliverPolicy()))
            .maxAckPending(1)
            .filterSubject(endpoint.getSubject());
    if (endpoint.getJetStreamAckWait() != null) {
      consumer.ackWait(GoDuration.parse(endpoint.getJetStreamAckWait()));
    }
    if (endpoint.getJetStreamMaxDeliver() != null) {
      consumer.maxDeliver(endpoint.getJetStreamMaxDeliver());
    }
    if (endpoint.getQueue() != null) {
      consumer.deliverGroup(endpoint.getQueue());
    }
    PushSubscribeOptions options =
        PushSubscribeOptions.builder().stream(endpoint.getJetStreamStream())
            .durable(endpoint.getJetStreamDurable())
            .configuration(consumer.build())
            .build();
    Dispatcher dispatcher = connection.createDispatcher();
    if (endpoint.getQueue() != null) {
      jetStream.subscribe(
          endpoint.getSubject(), endpoint.getQueue(), dispatcher, this::onMessage, false, options);
    } else {
      jetStream.subscribe(endpoint.getSubject(), dispatcher, this::onMessage, false, options);
    }
  }

  private void onMessage(Message message) {
    ObjectNode data;
    try {
      data = NatsEventData.of(message, endpoint.isJsonBody(), metadata);
    } catch (NatsEventData.NotJsonException e) {
      refused.accept(message, e);
      message.term();
      return;
    }
    String id =
        endpoint.getEventSourceName()
            + ":"
            + endpoint.getEventName()
            + ":"
            + endpoint.getJetStreamStream()
            + ":"
            + message.metaData().streamSequence();
    if (!route.test(data, id)) {
      message.nakWithDelay(REDELIVERY_DELAY);
      return;
    }
    try {
      message.ackSync(ACK_TIMEOUT);
    } catch (Exception e) {
      // The event is on the bus; a redelivery of this message carries the same id and is dropped.
      LOG.warn(
          "argo-nats {}: acknowledging stream sequence {} failed: {}",
          endpoint.getName(),
          message.metaData().streamSequence(),
          e.toString());
      metrics.eventProcessingFailed(endpoint.getEventSourceName(), endpoint.getEventName());
    }
  }

  static DeliverPolicy deliverPolicy(String policy) {
    return switch (policy == null ? "all" : policy) {
      case "new" -> DeliverPolicy.New;
      case "last" -> DeliverPolicy.Last;
      case "lastPerSubject" -> DeliverPolicy.LastPerSubject;
      case "all" -> DeliverPolicy.All;
      default ->
          throw new IllegalArgumentException(
              "argo-nats: jetStreamDeliverPolicy must be all, new, last or lastPerSubject, got '"
                  + policy
                  + "'");
    };
  }
}
