package io.caravan.routes.trigger.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.testing.TestContexts;
import io.caravan.routes.trigger.TriggerTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * log trigger: TriggerTemplate → log-sink Kamelet, read back from the log (slf4j → JUL in tests).
 */
class LogTriggerSinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRIGGER =
      "template:\n  name: print\n  log:\n    intervalSeconds: %d\n";

  private final List<String> lines = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (lines) {
            lines.add(record.getMessage());
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final Logger logger = Logger.getLogger("io.caravan.trigger.log");
  private CamelContext context;

  @BeforeEach
  void start() throws Exception {
    logger.addHandler(capture);
    context = TestContexts.create();
    context.getRegistry().bind("every", template(0));
    context.getRegistry().bind("throttled", template(3600));
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:every")
                .process("every")
                .to("kamelet:log-sink?sensorName=webhook&triggerName=print");
            from("direct:throttled")
                .process("throttled")
                .to(
                    "kamelet:log-sink?sensorName=webhook&triggerName=print-slowly&intervalSeconds=3600");
          }
        });
    context.start();
  }

  @AfterEach
  void stop() {
    context.stop();
    logger.removeHandler(capture);
  }

  @Test
  void logsEveryEventsContextAndData() throws Exception {
    Exchange done =
        context
            .createProducerTemplate()
            .send("direct:every", e -> e.getMessage().setBody(events("{\"message\":\"first\"}")));

    assertThat(done.getException()).isNull();
    assertThat(lines).hasSize(1);
    String line = lines.get(0);
    assertThat(line)
        .startsWith("sensor 'webhook' trigger 'print': dependency 'test-dep' context {")
        .contains("\"source\":\"webhook\"", "\"subject\":\"example\"")
        .endsWith("data {\"body\":{\"message\":\"first\"}}");
  }

  @Test
  void logsAtMostOncePerInterval() throws Exception {
    var producer = context.createProducerTemplate();
    for (String message : List.of("one", "two", "three")) {
      Exchange done =
          producer.send(
              "direct:throttled",
              e -> e.getMessage().setBody(events("{\"message\":\"" + message + "\"}")));
      assertThat(done.isFailed()).isFalse();
    }

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("trigger 'print-slowly'").contains("one");
  }

  @Test
  void everyFiredEventIsOneLineOfTheBody() throws Exception {
    Map<String, ArgoEvent> events = new LinkedHashMap<>();
    events.put("a", event("{\"n\":1}"));
    events.put("b", event("{\"n\":2}"));
    Exchange exchange = new DefaultExchange(context);
    exchange.getMessage().setBody(events);

    template(0).process(exchange);

    String[] body = exchange.getMessage().getBody(String.class).split("\n");
    assertThat(body).hasSize(2);
    assertThat(body[0]).startsWith("dependency 'a' context").endsWith("data {\"body\":{\"n\":1}}");
    assertThat(body[1]).startsWith("dependency 'b' context").endsWith("data {\"body\":{\"n\":2}}");
  }

  @Test
  void aNegativeIntervalIsRejected() {
    LogTriggerSink sink = new LogTriggerSink();
    assertThatThrownBy(() -> sink.setIntervalSeconds("-1")).hasMessageContaining("intervalSeconds");
    assertThatThrownBy(() -> sink.setIntervalSeconds("soon"))
        .hasMessageContaining("intervalSeconds");
  }

  private static TriggerTemplate template(int interval) {
    TriggerTemplate template = new TriggerTemplate();
    template.setTriggerType("log");
    template.setSensorName("webhook");
    template.setTriggerName("print");
    template.setTrigger(String.format(TRIGGER, interval));
    return template;
  }

  private static Map<String, ArgoEvent> events(String body) throws Exception {
    return Map.of("test-dep", event(body));
  }

  private static ArgoEvent event(String body) throws Exception {
    ObjectNode data = JSON.createObjectNode();
    data.set("body", JSON.readTree(body));
    return ArgoEvent.create("webhook", "example", "webhook", data);
  }
}
