package io.caravan.routes.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.trigger.TriggerTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A CamelContext with one route per trigger, shaped like a generated trigger route: the
 * TriggerTemplate bean (with the trigger YAML) then the sink Kamelet; {@link #fire} sends one
 * webhook-like event ({@code {header:{}, body:<json>}} of dependency {@code test-dep}) to a
 * trigger.
 */
public final class TriggerTestRoutes implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final CamelContext context = TestContexts.create();

  public TriggerTestRoutes(SecretStore secrets) {
    context.getRegistry().bind(SecretStore.BEAN_NAME, secrets);
  }

  /**
   * Adds route {@code direct:<name>}: template bean for {@code triggerYaml}, then {@code sinkUri}.
   */
  public TriggerTestRoutes trigger(String name, String triggerYaml, String sinkUri)
      throws Exception {
    TriggerTemplate template = new TriggerTemplate();
    template.setSensorName("test-sensor");
    template.setTriggerName(name);
    template.setNamespace("argo-events");
    template.setCamelContext(context);
    template.setTrigger(triggerYaml);
    template.setTriggerType(TriggerYaml.type(triggerYaml));
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:" + name).routeId("trigger." + name).process(template).to(sinkUri);
          }
        });
    return this;
  }

  public TriggerTestRoutes start() {
    context.start();
    return this;
  }

  public CamelContext context() {
    return context;
  }

  /**
   * Fires trigger {@code name} with one event whose body is {@code bodyJson}; returns the exchange.
   */
  public Exchange fire(String name, String bodyJson) throws IOException {
    ArgoEvent event = event(bodyJson);
    return context
        .createProducerTemplate()
        .send(
            "direct:" + name, exchange -> exchange.getMessage().setBody(Map.of("test-dep", event)));
  }

  static ArgoEvent event(String bodyJson) throws IOException {
    ObjectNode data = JSON.createObjectNode();
    data.set("header", JSON.createObjectNode());
    data.set("body", JSON.readTree(bodyJson));
    return ArgoEvent.create("webhook", "example", "webhook", data);
  }

  public static String resource(String path) {
    try (InputStream in = TriggerTestRoutes.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    context.stop();
  }
}
