package io.caravan.routes.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of semantics/conditions-reset.yaml, run through ConditionsReset. */
class ConditionsResetSemanticsTest {

  static Stream<Arguments> cases() {
    return SemanticsCases.load("conditions-reset.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void resetsLikeArgo(String name, Map<String, Object> c) {
    String resets = SemanticsCases.yaml(c.get("conditionsReset"));
    Map<String, Object> expect = (Map<String, Object>) c.get("expect");
    if (expect.containsKey("error")) {
      assertThatThrownBy(() -> ConditionsReset.parse(resets))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining((String) expect.get("error"));
      return;
    }
    ConditionsReset reset = ConditionsReset.parse(resets);
    assertThat(
            reset.expired(
                OffsetDateTime.parse((String) c.get("storedAt")).toInstant(),
                OffsetDateTime.parse((String) c.get("now")).toInstant()))
        .isEqualTo(expect.get("expired"));
  }
}
