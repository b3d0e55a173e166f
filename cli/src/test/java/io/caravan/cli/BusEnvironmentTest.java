package io.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bus settings a pod reads from the environment the controller gives it. */
class BusEnvironmentTest {

  @Test
  void readsArgoClientAuthFileAndStreamConfig(@TempDir Path dir) throws IOException {
    Path auth = dir.resolve("client-auth");
    Files.writeString(auth, "username: caravan\npassword: pa55-word\n");
    Map<String, String> properties =
        BusEnvironment.properties(
            Map.of(
                "CARAVAN_BUS_AUTH_FILE",
                auth.toString(),
                "CARAVAN_BUS_STREAM_CONFIG",
                "maxMsgs: 50000\nmaxAge: 168h\nmaxBytes: -1\nreplicas: 3\nduplicates: 300s\n"));
    assertThat(properties)
        .containsEntry("camel.component.eventbus.username", "caravan")
        .containsEntry("camel.component.eventbus.password", "pa55-word")
        .containsEntry("camel.component.eventbus.streamMaxMsgs", "50000")
        .containsEntry("camel.component.eventbus.streamMaxAge", "604800000")
        .containsEntry("camel.component.eventbus.streamMaxBytes", "-1")
        .containsEntry("camel.component.eventbus.streamReplicas", "3")
        .containsEntry("camel.component.eventbus.streamDuplicates", "300000");
  }

  @Test
  void propertiesBindIntoTheEventBusComponent(@TempDir Path dir) throws Exception {
    Path auth = dir.resolve("client-auth");
    Files.writeString(auth, "username: caravan\npassword: pa55-word\n");
    Map<String, Object> options = new java.util.HashMap<>();
    BusEnvironment.properties(
            Map.of(
                "CARAVAN_BUS_AUTH_FILE",
                auth.toString(),
                "CARAVAN_BUS_STREAM_CONFIG",
                "maxAge: 24h\nduplicates: 2m\nreplicas: 1\n"))
        .forEach(
            (key, value) ->
                options.put(key.substring("camel.component.eventbus.".length()), value));
    try (org.apache.camel.impl.DefaultCamelContext context =
        new org.apache.camel.impl.DefaultCamelContext()) {
      io.caravan.routes.bus.EventBusComponent component =
          new io.caravan.routes.bus.EventBusComponent();
      org.apache.camel.support.PropertyBindingSupport.build().bind(context, component, options);
      assertThat(component.getUsername()).isEqualTo("caravan");
      assertThat(component.getPassword()).isEqualTo("pa55-word");
      assertThat(component.getStreamMaxAge()).isEqualTo(java.time.Duration.ofHours(24));
      assertThat(component.getStreamDuplicates()).isEqualTo(java.time.Duration.ofMinutes(2));
      assertThat(component.getStreamReplicas()).isEqualTo(1);
    }
  }

  @Test
  void explicitUsernameWinsAndNothingIsSetWithoutSettings(@TempDir Path dir) throws IOException {
    assertThat(
            BusEnvironment.properties(
                Map.of(
                    "CARAVAN_BUS_USERNAME",
                    "u",
                    "CARAVAN_BUS_PASSWORD",
                    "p",
                    "CARAVAN_BUS_AUTH_FILE",
                    dir.resolve("missing").toString())))
        .containsEntry("camel.component.eventbus.username", "u")
        .containsEntry("camel.component.eventbus.password", "p");
    assertThat(BusEnvironment.properties(Map.of())).isEmpty();
  }

  @Test
  void authFileWithoutUsernameIsAnError(@TempDir Path dir) throws IOException {
    Path auth = dir.resolve("auth");
    Files.writeString(auth, "token: abc\n");
    assertThatThrownBy(
            () -> BusEnvironment.properties(Map.of("CARAVAN_BUS_AUTH_FILE", auth.toString())))
        .hasMessageContaining("no 'username'");
  }
}
