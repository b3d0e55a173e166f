package io.caravan.routes.leader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Test bean declared in YAML: records every calendar event with the replica that sent it, across
 * runtimes.
 */
public class TickRecorder implements Processor {
  /** One calendar event: who sent it, its {@code eventTime}, and when it arrived. */
  public record Tick(String replica, String eventTime, Instant at) {}

  static final List<Tick> TICKS = new CopyOnWriteArrayList<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  private String replica;

  public void setReplica(String replica) {
    this.replica = replica;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    JsonNode data = JSON.readTree(exchange.getMessage().getBody(String.class));
    TICKS.add(new Tick(replica, data.path("eventTime").asText(), Instant.now()));
  }
}
