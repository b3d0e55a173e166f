package io.caravan.controller.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.api.Manifest;
import io.caravan.api.ManifestReader;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.ManifestValidator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers an {@code admission.k8s.io/v1} AdmissionReview for EventSources, Sensors and EventBuses
 * with the same validation as {@code caravan validate} ({@link ManifestValidator}). A denial is
 * HTTP-400-like ({@code code: 400, reason: BadRequest}) with {@code field.path: message} per
 * problem; warnings become admission warnings. As in Argo: DELETE is always allowed, an update that
 * leaves {@code metadata.generation} unchanged is allowed, and an EventBus may not change its kind
 * of bus nor its JetStream {@code streamConfig}, and a Sensor must name an EventBus that exists.
 */
public final class AdmissionValidator {

  /** Whether EventBus {@code name} exists in {@code namespace}. */
  @FunctionalInterface
  public interface BusLookup {
    boolean exists(String namespace, String name);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KINDS = Set.of("EventSource", "Sensor", "EventBus");
  private static final List<String> BUS_VARIANTS =
      List.of("nats", "jetstream", "jetstreamExotic", "kafka");

  private final ManifestValidator validator = new ManifestValidator();
  private final BusLookup buses;
  private final AtomicLong allowed = new AtomicLong();
  private final AtomicLong denied = new AtomicLong();

  /** Without a bus lookup (Sensors are not checked against existing EventBuses). */
  public AdmissionValidator() {
    this(null);
  }

  public AdmissionValidator(BusLookup buses) {
    this.buses = buses;
  }

  public long allowed() {
    return allowed.get();
  }

  public long denied() {
    return denied.get();
  }

  /** The AdmissionReview answer (JSON) for an AdmissionReview request (JSON). */
  public String review(String requestJson) throws IOException {
    JsonNode review = JSON.readTree(requestJson);
    JsonNode request = review.path("request");
    ObjectNode response = JSON.createObjectNode();
    response.put("uid", request.path("uid").asText());
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    check(request, problems, warnings);
    response.put("allowed", problems.isEmpty());
    (problems.isEmpty() ? allowed : denied).incrementAndGet();
    if (!problems.isEmpty()) {
      ObjectNode status = response.putObject("status");
      status.put("code", 400);
      status.put("reason", "BadRequest");
      status.put("message", String.join("; ", problems));
    }
    if (!warnings.isEmpty()) {
      ArrayNode array = response.putArray("warnings");
      warnings.forEach(array::add);
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("apiVersion", review.path("apiVersion").asText("admission.k8s.io/v1"));
    answer.put("kind", "AdmissionReview");
    answer.set("response", response);
    return JSON.writeValueAsString(answer);
  }

  private void check(JsonNode request, List<String> problems, List<String> warnings) {
    String operation = request.path("operation").asText();
    JsonNode object = request.get("object");
    if ("DELETE".equals(operation)
        || object == null
        || !object.isObject()
        || !KINDS.contains(object.path("kind").asText())) {
      return;
    }
    JsonNode old = request.get("oldObject");
    if ("UPDATE".equals(operation) && old != null && old.isObject()) {
      JsonNode generation = object.path("metadata").get("generation");
      if (generation != null
          && Objects.equals(generation, old.path("metadata").get("generation"))) {
        return;
      }
      if ("EventBus".equals(object.path("kind").asText())) {
        busUpdate(old.path("spec"), object.path("spec"), problems);
      }
    }
    List<Manifest> documents = ManifestReader.parse(object.toString());
    if (documents.isEmpty()) {
      problems.add("empty object");
      return;
    }
    for (Diagnostic d : validator.validate(documents.get(0))) {
      String text =
          d.path() == null || d.path().isEmpty() ? d.message() : d.path() + ": " + d.message();
      (d.isError() ? problems : warnings).add(text);
    }
    if (buses != null && "Sensor".equals(object.path("kind").asText())) {
      String namespace =
          request.path("namespace").asText(object.path("metadata").path("namespace").asText(""));
      String bus = object.path("spec").path("eventBusName").asText("");
      bus = bus.isEmpty() ? "default" : bus;
      if (!buses.exists(namespace, bus)) {
        problems.add(
            "spec.eventBusName: EventBus '" + bus + "' not found in namespace " + namespace);
      }
    }
  }

  private static void busUpdate(JsonNode before, JsonNode after, List<String> problems) {
    String was = variant(before);
    String is = variant(after);
    if (was != null && is != null && !was.equals(is)) {
      problems.add("spec: cannot change the EventBus from " + was + " to " + is);
    }
    JsonNode oldStream = before.path("jetstream").get("streamConfig");
    JsonNode newStream = after.path("jetstream").get("streamConfig");
    if ("jetstream".equals(was)
        && "jetstream".equals(is)
        && !Objects.equals(oldStream, newStream)) {
      problems.add("spec.jetstream.streamConfig: cannot be changed");
    }
  }

  private static String variant(JsonNode spec) {
    return BUS_VARIANTS.stream().filter(spec::has).findFirst().orElse(null);
  }
}
