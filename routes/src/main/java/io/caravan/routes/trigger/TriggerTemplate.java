package io.caravan.routes.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.caravan.api.sensor.Trigger;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.support.secrets.SecretStore;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * The trigger template bean ({@code sensor.<sensor>.trigger.<trigger>.template}): turns the fired
 * events (body {@code Map<String, ArgoEvent>}, dependency → event, set by {@code
 * TriggerConditions}) into the message of the trigger's sink. Template-level parameters are applied
 * to the template JSON first; then the {@link TriggerMessageBuilder} of the {@code triggerType} the
 * generator chose writes the message (k8s and argoWorkflow: the object with Argo's labels; http:
 * the request; log: one line per event). A type without a builder (kafka, nats, slack, email,
 * argoCD…) gets its block with its own parameters applied in header {@link
 * TriggerSpecMessage#SPEC_HEADER} and the payload as body (see {@link TriggerSpecMessage}).
 */
public class TriggerTemplate implements Processor, CamelContextAware {
  public static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final ObjectMapper YAML = new YAMLMapper();

  private CamelContext camelContext;
  private String sensorName;
  private String triggerName;
  private String namespace;
  private String triggerType;
  private Trigger trigger;
  private volatile SecretStore secretStore;

  public void setSensorName(String sensorName) {
    this.sensorName = sensorName;
  }

  public String getSensorName() {
    return sensorName;
  }

  public void setTriggerName(String triggerName) {
    this.triggerName = triggerName;
  }

  public String getTriggerName() {
    return triggerName;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace == null || namespace.isBlank() ? null : namespace;
  }

  public String getNamespace() {
    return namespace;
  }

  /**
   * The trigger type the generator chose (the first set in Argo's order): its block makes the
   * message.
   */
  public void setTriggerType(String triggerType) {
    this.triggerType = triggerType;
  }

  public String getTriggerType() {
    return triggerType;
  }

  /** The manifest's whole trigger as YAML (checked by the generator); parsed once here. */
  public void setTrigger(String yaml) {
    Trigger parsed;
    try {
      parsed = YAML.readValue(yaml, Trigger.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          where() + "trigger: not a valid trigger: " + e.getOriginalMessage(), e);
    }
    if (parsed == null || parsed.getTemplate() == null) {
      throw new IllegalArgumentException(where() + "trigger.template: is required");
    }
    this.trigger = parsed;
  }

  /** Uses this store for secure headers instead of the {@code secretStore} registry bean. */
  public void setSecretStore(SecretStore secretStore) {
    this.secretStore = secretStore;
  }

  @Override
  public CamelContext getCamelContext() {
    return camelContext;
  }

  @Override
  public void setCamelContext(CamelContext camelContext) {
    this.camelContext = camelContext;
  }

  @Override
  public void process(Exchange exchange) {
    if (trigger == null || triggerType == null) {
      throw new IllegalStateException(
          where() + (trigger == null ? "trigger" : "triggerType") + ": is not set");
    }
    Map<String, ArgoEvent> events = events(exchange.getMessage().getBody());
    io.caravan.api.sensor.TriggerTemplate template = applyTemplateParameters(events);
    Message message = exchange.getMessage();
    TriggerMessageInput input =
        new TriggerMessageInput(
            template,
            events,
            sensorName(),
            triggerName(template),
            namespace,
            camelContext,
            this::secrets,
            where());
    TriggerMessageBuilder builder = TriggerMessageBuilders.forType(triggerType);
    if (builder != null) {
      builder.write(input, message);
    } else {
      TriggerSpecMessage.write(
          triggerType,
          input.required(JSON.valueToTree(template).get(triggerType), triggerType),
          events,
          message);
    }
  }

  private io.caravan.api.sensor.TriggerTemplate applyTemplateParameters(
      Map<String, ArgoEvent> events) {
    if (trigger.getParameters() == null || trigger.getParameters().isEmpty()) {
      return trigger.getTemplate();
    }
    JsonNode json = JSON.valueToTree(trigger.getTemplate());
    json = TriggerParameters.apply(json, trigger.getParameters(), events, "trigger.parameters");
    try {
      return JSON.treeToValue(json, io.caravan.api.sensor.TriggerTemplate.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where()
              + "trigger.parameters: the template no longer reads after applying them: "
              + e.getMessage(),
          e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, ArgoEvent> events(Object body) {
    if (!(body instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          where()
              + "expected the fired events (Map of dependency to ArgoEvent) as body, got "
              + (body == null ? "nothing" : body.getClass().getName()));
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String) || !(entry.getValue() instanceof ArgoEvent)) {
        throw new IllegalArgumentException(
            where() + "expected the fired events (Map of dependency to ArgoEvent) as body");
      }
    }
    return (Map<String, ArgoEvent>) map;
  }

  private SecretStore secrets() {
    SecretStore store = secretStore;
    if (store == null && camelContext != null) {
      store =
          camelContext.getRegistry().lookupByNameAndType(SecretStore.BEAN_NAME, SecretStore.class);
      secretStore = store;
    }
    if (store == null) {
      throw new IllegalStateException(
          where() + "no '" + SecretStore.BEAN_NAME + "' bean to read secrets from");
    }
    return store;
  }

  private String sensorName() {
    return sensorName == null ? "" : sensorName;
  }

  private String triggerName(io.caravan.api.sensor.TriggerTemplate template) {
    return template.getName() != null ? template.getName() : triggerName == null ? "" : triggerName;
  }

  private String where() {
    return "sensor '" + sensorName + "' trigger '" + triggerName + "': ";
  }
}
