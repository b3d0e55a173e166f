package io.caravan.routes.trigger.argoworkflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.kubernetes.KubernetesObjects;
import io.caravan.routes.support.tls.InsecureTls;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * argoWorkflow operations through the Argo Server REST API (what the {@code argo} CLI calls with
 * {@code ARGO_SERVER} set), with {@code Authorization: Bearer <token>} when a token is given:
 *
 * <ul>
 *   <li>submit: {@code POST /api/v1/workflows/{ns}} {@code {namespace, workflow}};
 *   <li>submit-from: {@code POST /api/v1/workflows/{ns}/submit} {@code {namespace, resourceKind,
 *       resourceName, submitOptions: {labels}}} (the {@code events.argoproj.io/*} labels of the
 *       trigger's object);
 *   <li>resubmit, retry, resume, suspend, terminate, stop: {@code PUT
 *       /api/v1/workflows/{ns}/{name}/<operation>} {@code {namespace, name}}.
 * </ul>
 *
 * A status other than 2xx fails the trigger with the server's message. The server's certificate is
 * checked unless {@code insecureSkipVerify} (the Argo Server's default certificate is self-signed).
 */
final class ArgoServerWorkflows implements ArgoWorkflows {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(ArgoServerWorkflows.class);

  private final String baseUrl;
  private final String token;
  private final HttpClient http;

  ArgoServerWorkflows(String baseUrl, String token, boolean insecureSkipVerify) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = token;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
    if (insecureSkipVerify) {
      builder.sslContext(InsecureTls.trustEverything());
    }
    this.http = builder.build();
  }

  @Override
  public ObjectNode run(ArgoWorkflowOperation operation, ObjectNode object, String namespace) {
    ObjectNode body = KubernetesObjects.JSON.createObjectNode().put("namespace", namespace);
    String path = "/api/v1/workflows/" + encode(namespace);
    switch (operation) {
      case SUBMIT -> {
        body.set("workflow", object);
        return send("POST", path, body);
      }
      case SUBMIT_FROM -> {
        String kind = object.path("kind").asText();
        if (!kind.equals("WorkflowTemplate")
            && !kind.equals("ClusterWorkflowTemplate")
            && !kind.equals("CronWorkflow")) {
          throw new IllegalArgumentException(
              "argoWorkflow submit-from needs a WorkflowTemplate, "
                  + "ClusterWorkflowTemplate or CronWorkflow, got kind '"
                  + kind
                  + "'");
        }
        body.put("resourceKind", kind).put("resourceName", KubernetesArgoWorkflows.name(object));
        String labels = eventLabels(object);
        if (!labels.isEmpty()) {
          body.putObject("submitOptions").put("labels", labels);
        }
        return send("POST", path + "/submit", body);
      }
      default -> {
        String name = KubernetesArgoWorkflows.name(object);
        body.put("name", name);
        if (operation == ArgoWorkflowOperation.RESUBMIT) {
          body.put("memoized", false);
        }
        return send("PUT", path + "/" + encode(name) + "/" + operation.manifestName(), body);
      }
    }
  }

  @Override
  public ObjectNode workflow(String name, String namespace) {
    HttpResponse<String> response =
        exchange("GET", "/api/v1/workflows/" + encode(namespace) + "/" + encode(name), null);
    if (response.statusCode() == 404) {
      return null;
    }
    return answer("GET", "/api/v1/workflows/" + namespace + "/" + name, response);
  }

  private ObjectNode send(String method, String path, ObjectNode body) {
    HttpResponse<String> response = exchange(method, path, body);
    ObjectNode workflow = answer(method, path, response);
    LOG.info(
        "Argo Server {} {} → Workflow {}",
        method,
        path,
        workflow.path("metadata").path("name").asText("?"));
    return workflow;
  }

  private HttpResponse<String> exchange(String method, String path, ObjectNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (token != null && !token.isBlank()) {
      request.header("Authorization", token.startsWith("Bearer ") ? token : "Bearer " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "Argo Server " + method + " " + baseUrl + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the Argo Server", e);
    }
  }

  private ObjectNode answer(String method, String path, HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "Argo Server "
              + method
              + " "
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + message(response.body()));
    }
    try {
      JsonNode json = KubernetesObjects.JSON.readTree(response.body());
      return json instanceof ObjectNode object ? object : KubernetesObjects.JSON.createObjectNode();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Argo Server " + method + " " + path + " answered no JSON", e);
    }
  }

  private static String message(String body) {
    try {
      JsonNode json = KubernetesObjects.JSON.readTree(body);
      if (json.hasNonNull("message")) {
        return json.get("message").asText();
      }
    } catch (IOException ignored) {
      // not JSON: the text itself
    }
    return body;
  }

  private static String eventLabels(ObjectNode object) {
    StringJoiner labels = new StringJoiner(",");
    object
        .path("metadata")
        .path("labels")
        .fields()
        .forEachRemaining(
            label -> {
              if (label.getKey().startsWith("events.argoproj.io/")) {
                labels.add(label.getKey() + "=" + label.getValue().asText());
              }
            });
    return labels.toString();
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
