package io.caravan.routes.bus;

import io.caravan.routes.sensor.CorrelationStore;
import io.caravan.routes.sensor.InMemoryCorrelationStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus on Apache Kafka ({@code kafka://host:port[,host:port…][?topic=…]}), a simpler protocol
 * than Argo's Kafka bus with JetStream's guarantees (docs/kafka-bus.md): every event goes to one
 * topic with key {@code <eventSource>.<event>} (Argo's key) and header {@value #MSG_ID_HEADER}; the
 * producer is idempotent with {@code acks=all}, so a publish completes only when every in-sync
 * replica stored it. Each durable is a consumer group ({@link KafkaSubscription}) that commits an
 * offset only when every record before it was acked. Correlation state stays in memory.
 */
final class KafkaTransport implements BusTransport {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaTransport.class);

  /** The topic when the URL names none. */
  static final String DEFAULT_TOPIC = "argo-events";

  /** Header carrying the event id, for de-duplication by the consumers. */
  static final String MSG_ID_HEADER = "caravan-msg-id";

  private final BusSettings settings;
  private final String bootstrap;
  private final String topic;
  private final KafkaProducer<String, byte[]> producer;
  private final Admin admin;
  private final Set<KafkaSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final CorrelationStore correlationStore = new InMemoryCorrelationStore();
  private volatile boolean warnedCorrelation;

  private KafkaTransport(BusSettings settings, String bootstrap, String topic) {
    this.settings = settings;
    this.bootstrap = bootstrap;
    this.topic = topic;
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    this.admin = Admin.create(admin);
    Properties producer = new Properties();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1); // as Argo
    producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.publishTimeout().toMillis());
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    this.producer = new KafkaProducer<>(producer);
  }

  /** True for {@code kafka://…} URLs. */
  static boolean handles(String url) {
    return url != null && url.trim().toLowerCase(java.util.Locale.ROOT).startsWith("kafka://");
  }

  /** Connects to the brokers of {@code settings.url()} and creates the topic when missing. */
  static KafkaTransport connect(BusSettings settings) throws Exception {
    String url = settings.url().trim();
    String rest = url.substring("kafka://".length());
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    String bootstrap = rest.replaceAll("/+$", "");
    if (bootstrap.isBlank()) {
      throw new IllegalArgumentException(
          "eventbus url '" + settings.redactedUrl() + "' names no broker (kafka://host:port)");
    }
    for (String hostPort : bootstrap.split(",")) {
      URI.create("kafka://" + hostPort).getPort(); // rejects malformed host:port early
    }
    String topic =
        query.isEmpty()
            ? DEFAULT_TOPIC
            : List.of(query.split("&")).stream()
                .filter(p -> p.startsWith("topic="))
                .map(p -> p.substring("topic=".length()))
                .findFirst()
                .orElse(DEFAULT_TOPIC);
    KafkaTransport transport = new KafkaTransport(settings, bootstrap, topic);
    try {
      transport.ensureTopic();
    } catch (Exception e) {
      transport.close();
      throw e;
    }
    return transport;
  }

  private void ensureTopic() throws Exception {
    long timeout = Math.max(settings.publishTimeout().toMillis(), 10_000);
    if (admin.listTopics().names().get(timeout, TimeUnit.MILLISECONDS).contains(topic)) {
      return;
    }
    try {
      admin
          .createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
          .all()
          .get(timeout, TimeUnit.MILLISECONDS);
      LOG.info("Event bus: created Kafka topic {}", topic);
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  String topic() {
    return topic;
  }

  /** The Kafka record key of a bus subject {@code default.<es>.<event>}: {@code <es>.<event>}. */
  static String key(String subject) {
    String prefix = BusSettings.STREAM + ".";
    return subject.startsWith(prefix) ? subject.substring(prefix.length()) : subject;
  }

  @Override
  public CompletableFuture<Void> publish(String subject, String msgId, byte[] data) {
    CompletableFuture<Void> stored = new CompletableFuture<>();
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key(subject), data);
    record.headers().add(MSG_ID_HEADER, msgId.getBytes(StandardCharsets.UTF_8));
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error == null) {
              stored.complete(null);
            } else {
              stored.completeExceptionally(error);
            }
          });
    } catch (RuntimeException e) {
      stored.completeExceptionally(e);
    }
    return stored;
  }

  @Override
  public Subscription subscribe(String subject, String durableName, Consumer<Delivery> handler)
      throws Exception {
    startNewGroupAtTheEnd(durableName);
    KafkaSubscription subscription =
        new KafkaSubscription(
            bootstrap, topic, key(subject), durableName, settings, handler, subscriptions::remove);
    subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  /**
   * A durable delivers what is published after it was created: a group without committed offsets
   * gets the current end offsets committed now, before its consumer joins.
   */
  private void startNewGroupAtTheEnd(String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(10, TimeUnit.SECONDS);
    if (committed.values().stream().anyMatch(o -> o != null)) {
      return;
    }
    Map<TopicPartition, OffsetSpec> partitions =
        admin
            .describeTopics(List.of(topic))
            .allTopicNames()
            .get(10, TimeUnit.SECONDS)
            .get(topic)
            .partitions()
            .stream()
            .collect(
                Collectors.toMap(
                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResultInfo> ends =
        admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
    ends.forEach((tp, info) -> start.put(tp, new OffsetAndMetadata(info.offset())));
    try {
      admin.alterConsumerGroupOffsets(group, start).all().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      // Another replica's consumer joined first: the group starts where auto.offset.reset=latest
      // puts it.
      LOG.debug("Event bus: group {} already active: {}", group, e.getCause().toString());
    }
  }

  /** Records of the topic not yet committed by group {@code durableName}, for tests. */
  long unacknowledged(String durableName) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(durableName)
            .partitionsToOffsetAndMetadata()
            .get(10, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResultInfo> ends =
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
    long lag = 0;
    for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
      lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
    }
    return lag;
  }

  @Override
  public CorrelationStore correlationStore(String sensorName) {
    if (!warnedCorrelation) {
      warnedCorrelation = true;
      LOG.warn(
          "Event bus on Kafka: Sensor {} keeps its AND-conditions' state in memory; a restart"
              + " forgets the dependencies already resolved (docs/kafka-bus.md)",
          sensorName);
    }
    return correlationStore;
  }

  @Override
  public void close() {
    subscriptions.forEach(KafkaSubscription::stop);
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }
}
