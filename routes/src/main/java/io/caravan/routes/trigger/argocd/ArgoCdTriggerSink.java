package io.caravan.routes.trigger.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.support.tls.TlsSettings;
import io.caravan.routes.trigger.TriggerSpecMessage;
import io.caravan.routes.trigger.TriggerTemplate;
import io.caravan.routes.trigger.WebClientTriggerSink;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The {@code argocd-sink} Kamelet's step (Caravan extension): syncs an Argo CD Application with
 * {@code POST /api/v1/applications/{application}/sync} (revision, prune, dryRun, resources,
 * appNamespace, project) using the bearer token from {@code tokenSecret}. A sync answer outside
 * {@code statusAllow} (default: any 2xx) fails the exchange with Argo CD's message. With {@code
 * wait}, it then polls {@code GET /api/v1/applications/{application}} every {@code intervalSeconds}
 * (default 2) until the operation finished: phase Succeeded (and, with {@code health: true}, health
 * Healthy) is a success, Failed or Error a failure, as is reaching {@code timeoutSeconds} (default
 * 300). A failed exchange is retried by the trigger's retryStrategy like any other trigger.
 */
public class ArgoCdTriggerSink extends WebClientTriggerSink implements Processor {
  private static final String FIELD = "trigger.template.argoCD";
  private static final long REQUEST_TIMEOUT_MILLIS = 30_000;

  private Set<Integer> statusAllow;
  private String sensorName = "";
  private String triggerName = "";

  public void setSensorName(String sensorName) {
    this.sensorName = sensorName;
  }

  public void setTriggerName(String triggerName) {
    this.triggerName = triggerName;
  }

  /** Comma-separated allowed statuses of the sync request; empty means any 2xx. */
  public void setStatusAllow(String csv) {
    statusAllow =
        csv == null || csv.isBlank()
            ? null
            : Arrays.stream(csv.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    ObjectNode spec = TriggerSpecMessage.spec(exchange.getMessage(), "argoCD");
    String server = required(spec, "server").replaceAll("/+$", "");
    String application = required(spec, "application");
    String token =
        SecretRefs.required(
                SecretRefs.store(exchange.getContext()),
                spec.get("tokenSecret"),
                FIELD + ".tokenSecret")
            .trim();
    TlsSettings tls =
        TlsSettings.read(spec.get("tls"), SecretRefs.store(exchange.getContext()), FIELD + ".tls");
    WebClient client = clients(exchange.getContext()).client(tls);
    String appUrl = server + "/api/v1/applications/" + encode(application);

    HttpResponse<Buffer> synced =
        send(client.postAbs(appUrl + "/sync"), token, syncRequest(spec, application));
    boolean allowed =
        statusAllow == null
            ? synced.statusCode() / 100 == 2
            : statusAllow.contains(synced.statusCode());
    if (!allowed) {
      throw new IllegalStateException(
          where(application) + "sync answered HTTP " + synced.statusCode() + message(synced));
    }
    exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, synced.statusCode());
    JsonNode wait = spec.get("wait");
    if (wait == null || wait.isNull() || !wait.isObject()) {
      exchange.getMessage().setBody(synced.bodyAsString());
      return;
    }
    JsonNode app = waitForResult(client, appUrl + query(spec), token, application, wait);
    exchange
        .getMessage()
        .setHeader("CaravanArgoCdPhase", app.at("/status/operationState/phase").asText());
    exchange
        .getMessage()
        .setHeader("CaravanArgoCdHealth", app.at("/status/health/status").asText());
    exchange.getMessage().setBody(app.toString());
  }

  private JsonNode waitForResult(
      WebClient client, String url, String token, String application, JsonNode wait)
      throws Exception {
    long timeoutMillis = TimeUnit.SECONDS.toMillis(wait.path("timeoutSeconds").asLong(300));
    long intervalMillis = Math.max(100, (long) (wait.path("intervalSeconds").asDouble(2) * 1000));
    boolean health = wait.path("health").asBoolean(false);
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    String last = "no answer yet";
    while (true) {
      HttpResponse<Buffer> answer = send(client.getAbs(url), token, null);
      if (answer.statusCode() / 100 != 2) {
        last = "HTTP " + answer.statusCode() + message(answer);
      } else {
        JsonNode app = TriggerTemplate.JSON.readTree(answer.bodyAsString());
        String phase = app.at("/status/operationState/phase").asText("");
        String healthStatus = app.at("/status/health/status").asText("");
        boolean pending =
            app.hasNonNull("operation")
                || phase.isEmpty()
                || phase.equals("Running")
                || phase.equals("Terminating");
        if (!pending && (phase.equals("Failed") || phase.equals("Error"))) {
          throw new IllegalStateException(
              where(application)
                  + "sync "
                  + phase
                  + ": "
                  + app.at("/status/operationState/message").asText(""));
        }
        if (!pending && phase.equals("Succeeded") && (!health || healthStatus.equals("Healthy"))) {
          return app;
        }
        last =
            "phase "
                + (phase.isEmpty() ? "unknown" : phase)
                + ", sync "
                + app.at("/status/sync/status").asText("unknown")
                + ", health "
                + (healthStatus.isEmpty() ? "unknown" : healthStatus);
      }
      if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMillis) > deadline) {
        throw new IllegalStateException(
            where(application)
                + "not done within "
                + TimeUnit.MILLISECONDS.toSeconds(timeoutMillis)
                + " s (last: "
                + last
                + ")");
      }
      Thread.sleep(intervalMillis);
    }
  }

  private static ObjectNode syncRequest(JsonNode spec, String application) {
    ObjectNode body = TriggerTemplate.JSON.createObjectNode();
    body.put("name", application);
    for (String field : new String[] {"revision", "appNamespace", "project"}) {
      if (!spec.path(field).asText("").isEmpty()) {
        body.put(field, spec.path(field).asText());
      }
    }
    for (String field : new String[] {"prune", "dryRun"}) {
      if (spec.has(field)) {
        body.put(field, spec.path(field).asBoolean(false));
      }
    }
    if (spec.path("resources").isArray() && !spec.path("resources").isEmpty()) {
      body.set("resources", spec.get("resources"));
    }
    return body;
  }

  private static String query(JsonNode spec) {
    StringBuilder query = new StringBuilder();
    for (String field : new String[] {"appNamespace", "project"}) {
      String value = spec.path(field).asText("");
      if (!value.isEmpty()) {
        query
            .append(query.length() == 0 ? '?' : '&')
            .append(field)
            .append('=')
            .append(encode(value));
      }
    }
    return query.toString();
  }

  private static HttpResponse<Buffer> send(HttpRequest<Buffer> request, String token, JsonNode body)
      throws Exception {
    request
        .timeout(REQUEST_TIMEOUT_MILLIS)
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Accept", "application/json");
    var future =
        body == null
            ? request.send()
            : request
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(body.toString()));
    return future
        .toCompletionStage()
        .toCompletableFuture()
        .get(REQUEST_TIMEOUT_MILLIS + 5_000, TimeUnit.MILLISECONDS);
  }

  /** Argo CD's error message ({@code {"error": …, "message": …}}), if the answer has one. */
  private static String message(HttpResponse<Buffer> response) {
    try {
      JsonNode error = TriggerTemplate.JSON.readTree(response.bodyAsString());
      String text = error.path("message").asText(error.path("error").asText(""));
      return text.isEmpty() ? "" : ": " + text;
    } catch (Exception e) {
      return "";
    }
  }

  private static String required(JsonNode spec, String field) {
    String value = spec.path(field).asText("");
    if (value.isBlank()) {
      throw new IllegalArgumentException(FIELD + "." + field + ": is required");
    }
    return value;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String where(String application) {
    return "argoCD trigger '"
        + triggerName
        + "' of sensor '"
        + sensorName
        + "': application '"
        + application
        + "': ";
  }
}
