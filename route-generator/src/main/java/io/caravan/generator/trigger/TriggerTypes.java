package io.caravan.generator.trigger;

import io.caravan.api.sensor.TriggerTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The trigger types of a template, in the order in which Argo picks the one to run (§4.4). */
public final class TriggerTypes {

  private static final Map<String, Function<TriggerTemplate, Object>> IN_ARGO_ORDER =
      new LinkedHashMap<>();

  static {
    IN_ARGO_ORDER.put("k8s", TriggerTemplate::getK8s);
    IN_ARGO_ORDER.put("argoWorkflow", TriggerTemplate::getArgoWorkflow);
    IN_ARGO_ORDER.put("http", TriggerTemplate::getHttp);
    IN_ARGO_ORDER.put("awsLambda", TriggerTemplate::getAwsLambda);
    IN_ARGO_ORDER.put("azureEventHubs", TriggerTemplate::getAzureEventHubs);
    IN_ARGO_ORDER.put("azureServiceBus", TriggerTemplate::getAzureServiceBus);
    IN_ARGO_ORDER.put("kafka", TriggerTemplate::getKafka);
    IN_ARGO_ORDER.put("pulsar", TriggerTemplate::getPulsar);
    IN_ARGO_ORDER.put("nats", TriggerTemplate::getNats);
    IN_ARGO_ORDER.put("slack", TriggerTemplate::getSlack);
    IN_ARGO_ORDER.put("openWhisk", TriggerTemplate::getOpenWhisk);
    IN_ARGO_ORDER.put("custom", TriggerTemplate::getCustom);
    IN_ARGO_ORDER.put("log", TriggerTemplate::getLog);
    IN_ARGO_ORDER.put("email", TriggerTemplate::getEmail);
    // Caravan extension, after every Argo type.
    IN_ARGO_ORDER.put("argoCD", TriggerTemplate::getArgoCD);
  }

  /** Why the custom (gRPC) trigger is not supported; the long form is docs/triggers/custom.md. */
  public static final String CUSTOM_UNSUPPORTED = "trigger type 'custom' (a gRPC triggers.Trigger "
      + "server): Caravan has no gRPC client; use an http trigger to a small adapter "
      + "(docs/triggers/custom.md)";

  private TriggerTypes() {}

  /** The type keys set in {@code template}, in Argo's order (the first one is the one that runs). */
  public static List<String> setIn(TriggerTemplate template) {
    List<String> set = new ArrayList<>();
    IN_ARGO_ORDER.forEach((type, getter) -> {
      if (getter.apply(template) != null) {
        set.add(type);
      }
    });
    return set;
  }
}
