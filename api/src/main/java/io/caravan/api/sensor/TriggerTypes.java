package io.caravan.api.sensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The trigger types of a {@link TriggerTemplate} by their spec key, in the order in which Argo
 * picks the one that runs when several are set (inventory §4.4): the first set one wins. The one
 * list of this order, used by the compiler and (through the type it writes into the routes) the
 * runtime.
 */
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

  /** Every trigger type key, in Argo's selection order (Caravan's {@code argoCD} last). */
  public static final List<String> ALL = List.copyOf(IN_ARGO_ORDER.keySet());

  private TriggerTypes() {}

  /**
   * Each trigger type set on {@code template} with its settings, in Argo's order: the first one
   * runs.
   */
  public static Map<String, Object> setIn(TriggerTemplate template) {
    Map<String, Object> set = new LinkedHashMap<>();
    IN_ARGO_ORDER.forEach(
        (type, getter) -> {
          Object value = getter.apply(template);
          if (value != null) {
            set.put(type, value);
          }
        });
    return set;
  }
}
