package io.caravan.routes.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.support.DefaultProducer;

/**
 * Replaces the body (a {@link JsonNode}, JSON bytes or JSON text; a Map or Collection is converted)
 * by {@code ArgoEvent.create(eventSource, event, type, data)}.
 */
public class ArgoEventProducer extends DefaultProducer {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public ArgoEventProducer(ArgoEventEndpoint endpoint) {
    super(endpoint);
  }

  @Override
  public ArgoEventEndpoint getEndpoint() {
    return (ArgoEventEndpoint) super.getEndpoint();
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    ArgoEventEndpoint endpoint = getEndpoint();
    JsonNode data = toJson(exchange);
    String id = exchange.getMessage().getHeader(ExchangeKeys.EVENT_ID, String.class);
    exchange
        .getMessage()
        .setBody(
            ArgoEvent.create(
                id == null || id.isBlank() ? ArgoEvent.newId() : id,
                endpoint.getEventSource(),
                endpoint.getEvent(),
                endpoint.getType(),
                data));
  }

  private JsonNode toJson(Exchange exchange) throws InvalidPayloadException {
    Object body = exchange.getMessage().getBody();
    try {
      if (body == null) {
        return NullNode.getInstance();
      } else if (body instanceof JsonNode node) {
        return node;
      } else if (body instanceof byte[] bytes) {
        return parse(MAPPER.readTree(bytes));
      } else if (body instanceof String text) {
        return parse(MAPPER.readTree(text));
      } else if (body instanceof Map<?, ?> || body instanceof Collection<?>) {
        return MAPPER.valueToTree(body);
      }
      byte[] bytes = exchange.getMessage().getMandatoryBody(byte[].class);
      return parse(MAPPER.readTree(bytes));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          getEndpoint().getEndpointUri()
              + ": the body is not JSON: "
              + e.getClass().getSimpleName(),
          e);
    }
  }

  private JsonNode parse(JsonNode node) throws IOException {
    if (node == null || node.isMissingNode()) {
      throw new IOException("empty body");
    }
    return node;
  }
}
