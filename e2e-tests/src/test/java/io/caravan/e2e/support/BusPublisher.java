package io.caravan.e2e.support;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes events straight onto the bus as an EventSource would (subject {@code
 * default.<source>.<event>}, {@code Nats-Msg-Id} = event id), for bursts larger than webhook
 * requests make comfortable.
 */
public final class BusPublisher implements AutoCloseable {
  private final Connection connection;
  private final JetStream jetStream;

  public BusPublisher(String url) throws Exception {
    this.connection = Nats.connect(url);
    this.jetStream = connection.jetStream();
  }

  /** An event whose data is {@code {"body": {"id": <id>, …}}}, as a webhook would carry it. */
  public static ArgoEvent event(String source, String subject, String id) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.putObject("header");
    data.putObject("body").put("id", id);
    return ArgoEvent.create(source, subject, "webhook", data);
  }

  /** Publishes the events and waits until the bus stored every one. */
  public void publish(List<ArgoEvent> events) throws Exception {
    List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
    for (ArgoEvent event : events) {
      acks.add(
          jetStream.publishAsync(
              "default." + event.source() + "." + event.subject(),
              new Headers().put("Nats-Msg-Id", event.id()),
              event.toJson()));
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
  }

  public Connection connection() {
    return connection;
  }

  @Override
  public void close() throws InterruptedException {
    connection.close();
  }
}
