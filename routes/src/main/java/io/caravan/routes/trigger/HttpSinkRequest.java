package io.caravan.routes.trigger;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The {@code http-sink} Kamelet's step before the request: keeps only what the request needs on the
 * message. {@code CamelHttpUri} / {@code CamelHttpMethod} stay (set from {@code url} / {@code method}
 * when absent); every {@code caravan.http.header.NAME} header becomes header {@code NAME}; every other
 * header is removed, so no stray header (nor a Content-Type) is sent that the trigger did not ask for.
 */
public class HttpSinkRequest implements Processor {
  /** Prefix of the message headers that are sent as HTTP headers. */
  public static final String HEADER_PREFIX = "caravan.http.header.";

  private String url;
  private String method = "POST";

  public void setUrl(String url) {
    this.url = url;
  }

  public void setMethod(String method) {
    this.method = method == null || method.isBlank() ? "POST" : method.trim().toUpperCase(Locale.ROOT);
  }

  @Override
  public void process(Exchange exchange) {
    Message message = exchange.getMessage();
    String uri = message.getHeader(Exchange.HTTP_URI, String.class);
    String verb = message.getHeader(Exchange.HTTP_METHOD, String.class);
    Map<String, Object> http = new LinkedHashMap<>();
    for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
      if (header.getKey().startsWith(HEADER_PREFIX)) {
        http.put(header.getKey().substring(HEADER_PREFIX.length()), header.getValue());
      }
    }
    message.getHeaders().clear();
    message.setHeader(Exchange.HTTP_URI, uri == null || uri.isBlank() ? url : uri);
    message.setHeader(
        Exchange.HTTP_METHOD,
        verb == null || verb.isBlank() ? method : verb.toUpperCase(Locale.ROOT));
    http.forEach(message::setHeader);
  }
}
