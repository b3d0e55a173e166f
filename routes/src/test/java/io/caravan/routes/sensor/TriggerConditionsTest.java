package io.caravan.routes.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.event.ExchangeKeys;
import io.caravan.routes.testing.TestContexts;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TriggerConditionsTest {
  private final DefaultCamelContext camel = TestContexts.create();

  private Exchange exchange(String dependency, String id) {
    Exchange exchange = new DefaultExchange(camel);
    exchange.setProperty(ExchangeKeys.DEPENDENCY, dependency);
    exchange.getMessage().setBody(SemanticsCases.event(Map.of("id", id, "data", "{}")));
    return exchange;
  }

  private static TriggerConditions conditions(String expression) {
    TriggerConditions conditions = new TriggerConditions();
    conditions.setSensorName("s");
    conditions.setTriggerName("t");
    conditions.setConditions(expression);
    return conditions;
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"a &&", "(a || b", "a & b", "a || || b", "a b", "", "  ", "a)"})
  void rejectsMalformedConditions(String expression) {
    assertThatThrownBy(() -> conditions(expression))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("conditions");
  }

  @Test
  void parsesPrecedenceAndNames() {
    ConditionExpression e = ConditionExpression.parse("a || b && c");
    assertThat(e.names()).containsExactly("a", "b", "c");
    assertThat(e.requiresAnd()).isTrue();
    assertThat(e.test(java.util.Set.of("a"))).isTrue();
    assertThat(e.test(java.util.Set.of("b"))).isFalse();
    assertThat(e.test(java.util.Set.of("b", "c"))).isTrue();
    assertThat(ConditionExpression.parse("(x-1||y.2)").requiresAnd()).isFalse();
  }

  @Test
  void failsOnADependencyTheConditionsDoNotName() {
    TriggerConditions c = conditions("a && b");
    assertThatThrownBy(() -> c.process(exchange("z", "1"))).hasMessageContaining("'z'");
  }

  @Test
  void failsOnABodyThatIsNotAnEvent() {
    TriggerConditions c = conditions("a");
    Exchange exchange = exchange("a", "1");
    exchange.getMessage().setBody("text");
    assertThatThrownBy(() -> c.process(exchange)).hasMessageContaining("not an ArgoEvent");
  }

  @Test
  void usesTheConfiguredStoreAndKeepsTriggersApart() {
    InMemoryCorrelationStore store = new InMemoryCorrelationStore();
    TriggerConditions one = conditions("a && b");
    one.setCorrelationStore(store);
    TriggerConditions two = conditions("a && b");
    two.setTriggerName("other");
    two.setCorrelationStore(store);
    one.process(exchange("a", "1"));
    Exchange e = exchange("b", "2");
    two.process(e);
    assertThat(e.isRouteStop()).as("other trigger has no 'a'").isTrue();
    store.clear("s", "t");
    Exchange after = exchange("b", "3");
    one.process(after);
    assertThat(after.isRouteStop()).as("state cleared").isTrue();
  }

  @Test
  void concurrentEventsFireEachPairExactlyOnce() throws Exception {
    TriggerConditions c = conditions("a && b");
    int pairs = 500;
    AtomicInteger fired = new AtomicInteger();
    AtomicInteger eventsInFires = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch done = new CountDownLatch(2 * pairs);
    try {
      for (int i = 0; i < pairs; i++) {
        for (String dep : new String[] {"a", "b"}) {
          String id = dep + i;
          pool.submit(
              () -> {
                Exchange e = exchange(dep, id);
                c.process(e);
                if (!e.isRouteStop()) {
                  fired.incrementAndGet();
                  @SuppressWarnings("unchecked")
                  Map<String, ArgoEvent> events = e.getMessage().getBody(Map.class);
                  eventsInFires.addAndGet(events.size());
                }
                done.countDown();
              });
        }
      }
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }
    assertThat(fired.get()).isBetween(1, pairs);
    assertThat(eventsInFires.get()).isEqualTo(2 * fired.get());
  }

  @Test
  void stateStoredUnderAnotherDefinitionIsDropped() {
    InMemoryCorrelationStore store = new InMemoryCorrelationStore();
    TriggerConditions before = conditions("a && b");
    before.setDefinition("v1");
    before.setCorrelationStore(store);
    before.process(exchange("a", "1"));

    TriggerConditions after = conditions("a && b"); // the Sensor was changed and restarted
    after.setDefinition("v2");
    after.setCorrelationStore(store);
    Exchange b = exchange("b", "2");
    after.process(b);
    assertThat(b.isRouteStop()).as("'a' of the old definition does not count").isTrue();
    assertThat(store.read("s", "t").definition()).isEqualTo("v2");
    Exchange a = exchange("a", "3");
    after.process(a);
    assertThat(a.isRouteStop()).isFalse();
  }

  @Test
  void conditionsResetDropsEventsStoredBeforeACronFiring() {
    InMemoryCorrelationStore store = new InMemoryCorrelationStore();
    TriggerConditions c = conditions("a && b");
    c.setCorrelationStore(store);
    c.setConditionsReset("- byTime:\n    cron: \"0 * * * *\"\n");
    java.time.Instant t0 = java.time.Instant.parse("2026-03-01T10:50:00Z");
    c.setClock(java.time.Clock.fixed(t0, java.time.ZoneOffset.UTC));
    c.process(exchange("a", "1"));
    c.setClock(
        java.time.Clock.fixed(t0.plusSeconds(15 * 60), java.time.ZoneOffset.UTC)); // past 11:00
    Exchange b = exchange("b", "2");
    c.process(b);
    assertThat(b.isRouteStop()).as("'a' was reset at 11:00").isTrue();
    Exchange a = exchange("a", "3");
    c.process(a);
    assertThat(a.isRouteStop()).isFalse();
    @SuppressWarnings("unchecked")
    Map<String, ArgoEvent> events = a.getMessage().getBody(Map.class);
    assertThat(events.get("a").id()).isEqualTo("3");
    assertThat(events.get("b").id()).isEqualTo("2");
  }
}
