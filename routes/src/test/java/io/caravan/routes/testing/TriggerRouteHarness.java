package io.caravan.routes.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.trigger.TriggerTemplate;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A trigger route as the generator writes it, without the bus: {@code direct:trigger} →
 * TriggerTemplate bean (sensor {@code s}, namespace {@code argo-events}) → the given sink URI, with
 * a Kubernetes client and a secret store in the registry.
 */
public final class TriggerRouteHarness implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();

  private final CamelContext context = TestContexts.create();

  public TriggerRouteHarness(
      KubernetesClient client, MapSecretStore secrets, String triggerYaml, String sinkUri)
      throws Exception {
    if (client != null) {
      context.getRegistry().bind("kubernetesClient", client);
    }
    context
        .getRegistry()
        .bind(SecretStore.BEAN_NAME, secrets == null ? new MapSecretStore() : secrets);
    TriggerTemplate template = new TriggerTemplate();
    template.setSensorName("s");
    template.setTriggerName("t");
    template.setNamespace("argo-events");
    template.setTrigger(triggerYaml);
    template.setTriggerType(TriggerYaml.type(triggerYaml));
    context.getRegistry().bind("template", template);
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:trigger").process("template").to(sinkUri);
          }
        });
    context.start();
  }

  /** Fires the trigger with one event of dependency {@code d} whose body is {@code bodyJson}. */
  public Exchange fire(String bodyJson) throws Exception {
    ObjectNode data = JSON.createObjectNode();
    data.set("body", JSON.readTree(bodyJson));
    ArgoEvent event = ArgoEvent.create("webhook", "example", "webhook", data);
    return context
        .createProducerTemplate()
        .send("direct:trigger", e -> e.getMessage().setBody(Map.of("d", event)));
  }

  @Override
  public void close() {
    context.stop();
  }
}
