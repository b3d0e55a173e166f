package io.caravan.routes.trigger.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.support.tls.TlsSettings;
import io.caravan.routes.trigger.WebClientTriggerSink;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorHelper;

/**
 * The {@code http-sink} Kamelet's step: sends the message body as an HTTP request with a Vert.x
 * WebClient, without blocking a thread. URL and method come from {@code CamelHttpUri} / {@code
 * CamelHttpMethod} (else {@code url} / {@code method}); every header {@code
 * caravan.http.header.NAME} is sent as {@code NAME}, no other header (no Content-Type unless one is
 * given); header {@link #TLS_HEADER} holds the trigger's {@code tls} block (secret references).
 * Without {@code statusAllow} any response status is a success (Argo); with it, a status not listed
 * fails the exchange. Out: body = response bytes, header {@code CamelHttpResponseCode}.
 */
public class HttpTriggerSink extends WebClientTriggerSink
    implements AsyncProcessor, CamelContextAware {
  /** Prefix of the message headers that are sent as HTTP headers. */
  public static final String HEADER_PREFIX = "caravan.http.header.";

  /** Header holding the trigger's {@code tls} block (a JsonNode of secret references). */
  public static final String TLS_HEADER = "CaravanHttpTls";

  private CamelContext camelContext;
  private String url;
  private String method = "POST";
  private long timeoutMillis = 60_000;
  private Set<Integer> statusAllow;

  public void setUrl(String url) {
    this.url = url;
  }

  public void setMethod(String method) {
    this.method =
        method == null || method.isBlank() ? "POST" : method.trim().toUpperCase(Locale.ROOT);
  }

  /** Seconds to wait for the response; empty or 0 means 60. */
  public void setTimeout(String seconds) {
    long value = seconds == null || seconds.isBlank() ? 0 : Long.parseLong(seconds.trim());
    this.timeoutMillis = (value <= 0 ? 60 : value) * 1000;
  }

  /** Comma-separated allowed statuses; empty means any status is a success. */
  public void setStatusAllow(String csv) {
    if (csv == null || csv.isBlank()) {
      statusAllow = null;
      return;
    }
    statusAllow =
        Arrays.stream(csv.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(Integer::valueOf)
            .collect(Collectors.toCollection(TreeSet::new));
  }

  @Override
  public void setCamelContext(CamelContext camelContext) {
    this.camelContext = camelContext;
  }

  @Override
  public CamelContext getCamelContext() {
    return camelContext;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    AsyncProcessorHelper.process(this, exchange);
  }

  @Override
  public java.util.concurrent.CompletableFuture<Exchange> processAsync(Exchange exchange) {
    java.util.concurrent.CompletableFuture<Exchange> done =
        new java.util.concurrent.CompletableFuture<>();
    process(exchange, doneSync -> done.complete(exchange));
    return done;
  }

  @Override
  public boolean process(Exchange exchange, AsyncCallback callback) {
    String target;
    HttpRequest<Buffer> request;
    Buffer body;
    try {
      Message message = exchange.getMessage();
      target = header(message, Exchange.HTTP_URI, url);
      if (target == null || target.isBlank()) {
        throw new IllegalArgumentException("http-sink: no url");
      }
      String verb = header(message, Exchange.HTTP_METHOD, method).toUpperCase(Locale.ROOT);
      TlsSettings tls =
          TlsSettings.read(
              message.getHeader(TLS_HEADER, JsonNode.class),
              SecretRefs.store(exchange.getContext()),
              "trigger.template.http.tls");
      request =
          clients(exchange.getContext())
              .client(tls)
              .requestAbs(HttpMethod.valueOf(verb), target)
              .timeout(timeoutMillis);
      Map<String, String> headers = new LinkedHashMap<>();
      message
          .getHeaders()
          .forEach(
              (name, value) -> {
                if (name.startsWith(HEADER_PREFIX) && value != null) {
                  headers.put(name.substring(HEADER_PREFIX.length()), value.toString());
                }
              });
      headers.forEach(request::putHeader);
      byte[] bytes = message.getBody(byte[].class);
      body = bytes == null ? null : Buffer.buffer(bytes);
    } catch (RuntimeException e) {
      exchange.setException(e);
      callback.done(true);
      return true;
    }
    (body == null ? request.send() : request.sendBuffer(body))
        .onComplete(
            result -> {
              try {
                if (result.failed()) {
                  exchange.setException(
                      new HttpTriggerException(
                          "http-sink: request to "
                              + target
                              + " failed: "
                              + result.cause().getMessage(),
                          result.cause()));
                } else {
                  answer(exchange, target, result.result());
                }
              } finally {
                callback.done(false);
              }
            });
    return false;
  }

  private void answer(Exchange exchange, String target, HttpResponse<Buffer> response) {
    Message message = exchange.getMessage();
    message.getHeaders().keySet().removeIf(name -> name.startsWith(HEADER_PREFIX));
    message.removeHeader(TLS_HEADER);
    message.setHeader(Exchange.HTTP_RESPONSE_CODE, response.statusCode());
    message.setBody(response.body() == null ? new byte[0] : response.body().getBytes());
    if (statusAllow != null && !statusAllow.contains(response.statusCode())) {
      exchange.setException(
          new HttpTriggerException(
              "http-sink: "
                  + target
                  + " answered "
                  + response.statusCode()
                  + ", not in policy.status.allow "
                  + statusAllow,
              null));
    }
  }

  private static String header(Message message, String name, String fallback) {
    String value = message.getHeader(name, String.class);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** A failed http trigger request, or a status outside {@code policy.status.allow}. */
  public static final class HttpTriggerException extends RuntimeException {
    HttpTriggerException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
