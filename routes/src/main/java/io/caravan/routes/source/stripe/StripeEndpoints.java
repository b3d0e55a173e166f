package io.caravan.routes.source.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the source's URL as a Stripe webhook endpoint ({@code POST /v1/webhook_endpoints},
 * form-encoded, the API key as bearer), as Argo's {@code PostActivate} does with {@code
 * createWebhook}; beyond Argo, an endpoint already registered with the same URL (first page of
 * {@code GET /v1/webhook_endpoints}) is reused instead of adding one on every start.
 */
final class StripeEndpoints {
  private static final Logger LOG = LoggerFactory.getLogger(StripeEndpoints.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String where;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String api;
  private final String apiKey;
  private final String hookUrl;
  private final List<String> events;
  private final AtomicReference<String> endpointId = new AtomicReference<>();

  StripeEndpoints(String where, String apiUrl, String apiKey, String hookUrl, List<String> events) {
    this.where = where;
    this.api = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.apiKey = apiKey;
    this.hookUrl = hookUrl;
    this.events = List.copyOf(events);
  }

  /** Registers the endpoint unless done; throws when the API fails (the caller retries). */
  void apply() throws IOException, InterruptedException {
    if (endpointId.get() != null) {
      return;
    }
    for (JsonNode endpoint : call("GET", "/v1/webhook_endpoints?limit=100", null).path("data")) {
      if (hookUrl.equals(endpoint.path("url").asText())) {
        endpointId.set(endpoint.path("id").asText());
        LOG.info("{}: Stripe webhook endpoint {} already registered", where, endpointId.get());
        return;
      }
    }
    StringBuilder form = new StringBuilder("url=").append(encode(hookUrl));
    // DIFFERS: without eventFilter Argo sends no enabled_events, which Stripe's API rejects
    List<String> enabled = events.isEmpty() ? List.of("*") : events;
    for (String event : enabled) {
      form.append("&enabled_events[]=").append(encode(event));
    }
    JsonNode created = call("POST", "/v1/webhook_endpoints", form.toString());
    endpointId.set(created.path("id").asText());
    LOG.info("{}: new Stripe webhook endpoint {} created", where, endpointId.get());
  }

  String endpointId() {
    return endpointId.get();
  }

  private JsonNode call(String method, String path, String form)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api + path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + apiKey)
            .header("Accept", "application/json");
    if (form == null) {
      request.method(method, BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/x-www-form-urlencoded");
      request.method(method, BodyPublishers.ofString(form));
    }
    var response = http.send(request.build(), BodyHandlers.ofString());
    if (response.statusCode() > 299) {
      throw new IOException(method + " " + api + path + " failed: status " + response.statusCode());
    }
    return JSON.readTree(
        response.body() == null || response.body().isBlank() ? "{}" : response.body());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
