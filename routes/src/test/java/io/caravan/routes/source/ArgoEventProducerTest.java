package io.caravan.routes.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.routes.event.ArgoEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** argo-event: wraps event data into a CloudEvent as an EventSource dispatches it. */
class ArgoEventProducerTest extends CamelTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:wrap").to("argo-event:webhook/example?type=webhook");
      }
    };
  }

  private ArgoEvent wrap(Object body) {
    return template.requestBody("direct:wrap", body, ArgoEvent.class);
  }

  @Test
  void wrapsAJsonNode() throws Exception {
    ArgoEvent event = wrap(JSON.readTree("{\"body\":{\"message\":\"hello\"}}"));
    assertThat(event.source()).isEqualTo("webhook");
    assertThat(event.subject()).isEqualTo("example");
    assertThat(event.type()).isEqualTo("webhook");
    assertThat(event.specversion()).isEqualTo("1.0");
    assertThat(event.datacontenttype()).isEqualTo("application/json");
    assertThat(event.id()).matches("[0-9a-f]{32}");
    assertThat(Duration.between(Instant.parse(event.time()), Instant.now()).abs())
        .isLessThan(Duration.ofSeconds(30));
    assertThat(event.data()).isEqualTo(JSON.readTree("{\"body\":{\"message\":\"hello\"}}"));
  }

  @Test
  void acceptsJsonTextBytesAndMaps() throws Exception {
    assertThat(wrap("{\"a\":[1,2]}").data()).isEqualTo(JSON.readTree("{\"a\":[1,2]}"));
    assertThat(wrap("{\"b\":true}".getBytes(StandardCharsets.UTF_8)).data())
        .isEqualTo(JSON.readTree("{\"b\":true}"));
    assertThat(wrap(Map.of("c", "d")).data()).isEqualTo(JSON.readTree("{\"c\":\"d\"}"));
  }

  @Test
  void everyEventGetsAFreshId() throws Exception {
    assertThat(wrap("{}").id()).isNotEqualTo(wrap("{}").id());
  }

  @Test
  void nonJsonBodyFailsTheExchange() {
    assertThatThrownBy(() -> wrap("not json")).hasStackTraceContaining("the body is not JSON");
  }

  @Test
  void typeIsRequiredAndUriNeedsSourceAndEvent() {
    assertThatThrownBy(() -> context.getEndpoint("argo-event:webhook/example").createProducer())
        .hasStackTraceContaining("option 'type'");
    assertThatThrownBy(() -> context.getEndpoint("argo-event:webhook?type=webhook"))
        .hasStackTraceContaining("argo-event:<eventSource>/<event>");
  }
}
