package io.caravan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The hand-written Camel route's trigger step: {@code {"body": <the webhook body>}} as JSON, POST.
 */
public final class HandPayload implements Processor {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public void process(Exchange exchange) throws Exception {
    ArgoEvent event = exchange.getMessage().getBody(ArgoEvent.class);
    ObjectNode payload = MAPPER.createObjectNode();
    payload.set("body", event.data().get("body"));
    exchange.getMessage().setBody(MAPPER.writeValueAsBytes(payload));
    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
    exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
  }
}
