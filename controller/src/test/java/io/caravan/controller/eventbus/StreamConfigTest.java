package io.caravan.controller.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

class StreamConfigTest {

  @Test
  void argoDefaultsWithTheUsersSettingsOverThem() throws Exception {
    String merged =
        StreamConfig.resolve(
            new YAMLMapper().readTree("streamConfig: |\n  maxMsgs: 10\n  maxAge: 1h\n"), 3);
    assertThat(merged)
        .contains("maxMsgs: 10", "maxAge: 1h", "maxBytes: -1", "replicas: 3", "duplicates: 300s");
  }

  @Test
  void streamReplicasNeverExceedServerReplicas() throws Exception {
    assertThat(StreamConfig.resolve(new YAMLMapper().readTree("{}"), 1)).contains("replicas: 1");
  }

  @Test
  void invalidStreamConfigIsRejected() throws Exception {
    assertThatThrownBy(
            () -> StreamConfig.resolve(new YAMLMapper().readTree("streamConfig: '- a'"), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mapping");
  }
}
