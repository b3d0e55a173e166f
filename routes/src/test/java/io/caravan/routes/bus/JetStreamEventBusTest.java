package io.caravan.routes.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.testing.NatsServerExtension;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bus contract against a real nats-server with JetStream, plus Argo wire compatibility. */
class JetStreamEventBusTest extends EventBusContractTest {
  @RegisterExtension static final NatsServerExtension NATS = new NatsServerExtension();
  private static final ObjectMapper JSON = new ObjectMapper();

  private Connection raw;

  @Override
  protected void configureBus(EventBusComponent component) {
    component.setUrl(NATS.url());
  }

  @BeforeEach
  void connectRawClient() throws Exception {
    raw = Nats.connect(NATS.url());
  }

  @AfterEach
  void closeRawClient() throws Exception {
    raw.close();
  }

  @Override
  protected long unacknowledged(String durableName) throws Exception {
    return consumerInfo(durableName).getNumAckPending();
  }

  private ConsumerInfo consumerInfo(String durableName) throws Exception {
    return raw.jetStreamManagement().getConsumerInfo(BusSettings.STREAM, durableName);
  }

  @Test
  void publishesToArgosStreamSubjectAndHeaderInStructuredCloudEventsJson() throws Exception {
    context.start();
    ArgoEvent sent = event(source, "ev", "wire");
    publishOk(sent);

    JetStreamManagement jsm = raw.jetStreamManagement();
    StreamConfiguration stream = jsm.getStreamInfo("default").getConfiguration();
    assertThat(stream.getSubjects()).containsExactly("default.*.*");
    assertThat(stream.getStorageType()).isEqualTo(StorageType.File);
    assertThat(stream.getRetentionPolicy()).isEqualTo(RetentionPolicy.Limits);
    assertThat(stream.getDiscardPolicy()).isEqualTo(DiscardPolicy.Old);
    assertThat(stream.getDuplicateWindow()).isEqualTo(Duration.ofSeconds(300));
    assertThat(stream.getMaxMsgs()).isEqualTo(50_000);
    assertThat(stream.getMaxAge()).isEqualTo(Duration.ofHours(168));
    assertThat(stream.getReplicas()).isEqualTo(1);

    MessageInfo stored = jsm.getLastMessage("default", "default." + source + ".ev");
    Headers headers = stored.getHeaders();
    assertThat(headers.keySet()).containsExactly("Nats-Msg-Id");
    assertThat(headers.getFirst("Nats-Msg-Id")).isEqualTo(sent.id());

    // What Argo's sensor (Go CloudEvents SDK, structured JSON) reads: the attributes plus inline
    // data.
    JsonNode json = JSON.readTree(stored.getData());
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data");
    assertThat(json.get("specversion").asText()).isEqualTo("1.0");
    assertThat(json.get("id").asText()).isEqualTo(sent.id()).matches("[0-9a-f]{32}");
    assertThat(json.get("source").asText()).isEqualTo(source);
    assertThat(json.get("subject").asText()).isEqualTo("ev");
    assertThat(json.get("type").asText()).isEqualTo("webhook");
    assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
    assertThat(json.get("data").get("body").get("message").asText()).isEqualTo("wire");
  }

  @Test
  void consumesAnEventPublishedTheWayArgoPublishesIt() throws Exception {
    addConsumer("group-argo", exchange -> {});
    context.start();

    String id = "0123456789abcdef0123456789abcdef";
    String argoJson =
        "{\"specversion\":\"1.0\",\"id\":\""
            + id
            + "\",\"source\":\""
            + source
            + "\","
            + "\"type\":\"webhook\",\"subject\":\"ev\",\"datacontenttype\":\"application/json\","
            + "\"time\":\"2024-05-01T10:00:00.123456789Z\","
            + "\"data\":{\"header\":{\"Content-Type\":[\"application/json\"]},\"body\":{\"message\":\"hi\"}}}";
    Headers headers = new Headers().put("Nats-Msg-Id", id);
    raw.jetStream()
        .publish(
            NatsMessage.builder()
                .subject("default." + source + ".ev")
                .headers(headers)
                .data(argoJson.getBytes(StandardCharsets.UTF_8))
                .build());

    await("the Argo event").atMost(WAIT).ignoreExceptions().until(() -> received.size() == 1);
    ArgoEvent got = received.get(0).event();
    assertThat(got.id()).isEqualTo(id);
    assertThat(got.source()).isEqualTo(source);
    assertThat(got.subject()).isEqualTo("ev");
    assertThat(got.type()).isEqualTo("webhook");
    assertThat(got.time()).isEqualTo("2024-05-01T10:00:00.123456789Z");
    assertThat(got.data().get("body").get("message").asText()).isEqualTo("hi");
    await("acked").atMost(WAIT).ignoreExceptions().until(() -> unacknowledged("group-argo") == 0);

    ConsumerConfiguration durable = consumerInfo("group-argo").getConsumerConfiguration();
    assertThat(durable.getAckPolicy()).isEqualTo(AckPolicy.Explicit);
    assertThat(durable.getDeliverPolicy()).isEqualTo(DeliverPolicy.New);
    assertThat(durable.getFilterSubject()).isEqualTo("default." + source + ".ev");
    assertThat(durable.getMaxAckPending()).isGreaterThanOrEqualTo(1);
    assertThat(durable.getAckWait()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void messageThatIsNotACloudEventIsTerminatedAndCounted() throws Exception {
    addConsumer("group-invalid", exchange -> {});
    context.start();

    raw.jetStream()
        .publish("default." + source + ".ev", "not json".getBytes(StandardCharsets.UTF_8));
    ArgoEvent valid = event(source, "ev", "valid");
    publishOk(valid);

    await("the valid event").atMost(WAIT).ignoreExceptions().until(() -> received.size() == 1);
    assertThat(receivedIds()).containsExactly(valid.id());
    await("both settled")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () ->
                unacknowledged("group-invalid") == 0
                    && consumerInfo("group-invalid").getAckFloor().getStreamSequence()
                        == raw.jetStreamManagement()
                            .getStreamInfo("default")
                            .getStreamState()
                            .getLastSequence());
    assertThat(
            metrics
                .registry()
                .counter(
                    EventBusConsumer.INVALID_MESSAGES,
                    "durable",
                    "group-invalid",
                    "subject",
                    "default." + source + ".ev")
                .count())
        .isEqualTo(1.0);
    assertThat(consumerInfo("group-invalid").getRedelivered()).isZero();
  }

  @Test
  void exchangeRunningLongerThanTheAckWaitIsKeptInProgress() throws Exception {
    component.setAckWait(Duration.ofSeconds(1));
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger attempts = new AtomicInteger();
    long[] startedAt = new long[1];
    addConsumer(
        "group-slow",
        exchange -> {
          if (attempts.incrementAndGet() == 1) {
            startedAt[0] = System.nanoTime();
            release.await(30, TimeUnit.SECONDS);
          }
        });
    context.start();
    publishOk(event(source, "ev", "slow"));

    await("the exchange running for 3 ack waits")
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () ->
                startedAt[0] != 0
                    && System.nanoTime() - startedAt[0] > TimeUnit.SECONDS.toNanos(3));
    assertThat(consumerInfo("group-slow").getRedelivered()).isZero();
    assertThat(consumerInfo("group-slow").getNumAckPending()).isEqualTo(1);
    release.countDown();
    await("acked").atMost(WAIT).ignoreExceptions().until(() -> unacknowledged("group-slow") == 0);
    assertThat(attempts.get()).isEqualTo(1);
  }
}
