package io.caravan.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.api.eventsource.EventSourceTypes;
import io.caravan.api.sensor.TriggerTypes;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.source.SourceTypeRegistry;
import io.caravan.generator.trigger.TriggerType;
import io.caravan.generator.trigger.TriggerTypeRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The registries list each type once, by its Argo key, in Argo's order; an unregistered key is
 * unsupported.
 */
class TypeRegistriesTest {

  @Test
  void sourceTypesAreRegisteredOnceInArgoOrder() {
    List<String> keys = SourceTypeRegistry.all().stream().map(SourceType::key).toList();

    assertThat(keys)
        .containsExactly(
            "webhook",
            "calendar",
            "resource",
            "kafka",
            "nats",
            "amqp",
            "mqtt",
            "redis",
            "redisStream",
            "file",
            "github",
            "gitlab",
            "sns",
            "slack",
            "storageGrid",
            "stripe",
            "bitbucketserver",
            "bitbucket",
            "gerrit");
    assertThat(EventSourceTypes.ALL).containsSubsequence(keys);
    assertThat(SourceTypeRegistry.get("emitter")).isNull();
    assertThat(SourceTypeRegistry.get("webhook").model().getSimpleName())
        .isEqualTo("WebhookEventSource");
  }

  @Test
  void theHaClassOfEachTypeIsArgos() {
    assertThat(SourceTypeRegistry.leaderElected("calendar")).isTrue();
    assertThat(SourceTypeRegistry.leaderElected("nats")).isTrue();
    assertThat(SourceTypeRegistry.leaderElected("resource")).isTrue();
    assertThat(SourceTypeRegistry.leaderElected("amqp")).isTrue();
    assertThat(SourceTypeRegistry.leaderElected("redisStream")).isTrue();
    assertThat(SourceTypeRegistry.leaderElected("mqtt")).isTrue();
    assertThat(SourceTypeRegistry.leaderElected("webhook")).isFalse();
    assertThat(SourceTypeRegistry.leaderElected("bitbucketserver")).isFalse();
    assertThat(SourceTypeRegistry.leaderElected("bitbucket")).isFalse();
    assertThat(SourceTypeRegistry.leaderElected("gitlab")).isFalse();
    assertThat(SourceTypeRegistry.leaderElected("slack")).isFalse();
    assertThat(SourceTypeRegistry.leaderElected("sns")).isFalse();
    assertThat(SourceTypeRegistry.leaderElected("storageGrid")).isFalse();
    assertThat(SourceTypeRegistry.get("storageGrid").eventType()).isEqualTo("storagegrid");
    assertThat(SourceTypeRegistry.leaderElected("stripe")).isFalse();
    // not registered yet: Argo's class still decides (the mix rule applies to every type)
    assertThat(SourceTypeRegistry.leaderElected("kafka")).isTrue();
    assertThat(SourceTypeRegistry.leaderElected("github")).isFalse();
  }

  @Test
  void triggerTypesAreRegisteredOnceInArgoOrder() {
    List<String> keys = TriggerTypeRegistry.all().stream().map(TriggerType::key).toList();

    assertThat(keys)
        .containsExactly(
            "k8s", "argoWorkflow", "http", "kafka", "nats", "slack", "log", "email", "argoCD");
    assertThat(TriggerTypes.ALL).containsSubsequence(keys);
    assertThat(TriggerTypeRegistry.get("awsLambda")).isNull();
    assertThat(TriggerTypeRegistry.unsupported("custom")).contains("gRPC");
    assertThat(TriggerTypeRegistry.unsupported("pulsar")).isEqualTo("trigger type 'pulsar'");
  }
}
