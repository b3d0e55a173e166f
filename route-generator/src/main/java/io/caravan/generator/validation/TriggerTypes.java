package io.caravan.generator.validation;

import io.caravan.api.sensor.TriggerTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The trigger types of a template, by their Argo key, in Argo's selection order. */
final class TriggerTypes {

  static final Set<String> K8S_OPERATIONS = Set.of("create", "update", "patch", "delete");
  static final List<String> ARGO_WORKFLOW_OPERATIONS =
      List.of("submit", "submit-from", "resubmit", "retry", "resume", "suspend", "terminate", "stop");

  private TriggerTypes() {}

  /** Each trigger type set on the template, keyed by its spec key (e.g. {@code http}). */
  static Map<String, Object> present(TriggerTemplate t) {
    Map<String, Object> types = new LinkedHashMap<>();
    put(types, "k8s", t.getK8s());
    put(types, "argoWorkflow", t.getArgoWorkflow());
    put(types, "http", t.getHttp());
    put(types, "awsLambda", t.getAwsLambda());
    put(types, "azureEventHubs", t.getAzureEventHubs());
    put(types, "azureServiceBus", t.getAzureServiceBus());
    put(types, "kafka", t.getKafka());
    put(types, "pulsar", t.getPulsar());
    put(types, "nats", t.getNats());
    put(types, "slack", t.getSlack());
    put(types, "openWhisk", t.getOpenWhisk());
    put(types, "custom", t.getCustom());
    put(types, "log", t.getLog());
    put(types, "email", t.getEmail());
    put(types, "argoCD", t.getArgoCD());
    return types;
  }

  private static void put(Map<String, Object> types, String key, Object value) {
    if (value != null) {
      types.put(key, value);
    }
  }
}
