package io.caravan.routes.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.routes.event.ArgoEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state an AND-trigger keeps, its JSON form, and the conditionsReset rule over it. */
class CorrelationStateTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:00Z");

  private static ArgoEvent event(String id) {
    return SemanticsCases.event(Map.of("id", id, "data", "{\"n\": 1}"));
  }

  @Test
  void keepsTheLatestEventPerDependencyAndRoundTripsAsJson() {
    CorrelationState state =
        CorrelationState.empty("def1")
            .with("a", event("1"), T0)
            .with("b", event("2"), T0.plusSeconds(1))
            .with("a", event("3"), T0.plusSeconds(2));
    assertThat(state.eventsByDependency().get("a").id()).isEqualTo("3");
    CorrelationState read = CorrelationState.fromJson(state.toJson());
    assertThat(read).isEqualTo(state);
    assertThat(new String(state.toJson(), StandardCharsets.UTF_8))
        .contains("\"definition\":\"def1\"");
  }

  @Test
  void stateOfAnotherDefinitionIsDropped() {
    CorrelationState state = CorrelationState.empty("old").with("a", event("1"), T0);
    assertThat(state.forDefinition("old")).isSameAs(state);
    assertThat(state.forDefinition("new").isEmpty()).isTrue();
    assertThat(state.forDefinition("new").definition()).isEqualTo("new");
  }

  @Test
  void unreadableStateIsReported() {
    assertThatThrownBy(() -> CorrelationState.fromJson("[]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEventExpiresWhenAResetFiredAfterItWasStored() {
    ConditionsReset midnightParis =
        ConditionsReset.parse("- byTime:\n    cron: \"0 0 * * *\"\n    timezone: Europe/Paris\n");
    Instant stored =
        ZonedDateTime.of(2026, 3, 1, 22, 30, 0, 0, ZoneOffset.UTC).toInstant(); // 23:30 Paris
    assertThat(midnightParis.expired(stored, stored.plusSeconds(20 * 60))).isFalse(); // 23:50 Paris
    assertThat(midnightParis.expired(stored, stored.plusSeconds(30 * 60))).isTrue(); // 00:00 Paris
    assertThat(midnightParis.expired(stored, stored.plusSeconds(3 * 24 * 3600)))
        .isTrue(); // restart days later
  }

  @Test
  void severalResetsAnyOfWhichClears() {
    ConditionsReset resets =
        ConditionsReset.parse(
            "- byTime: {cron: \"0 12 * * *\"}\n- byTime: {cron: \"30 * * * *\"}\n");
    Instant stored = Instant.parse("2026-03-01T10:15:00Z");
    assertThat(resets.expired(stored, Instant.parse("2026-03-01T10:29:59Z"))).isFalse();
    assertThat(resets.expired(stored, Instant.parse("2026-03-01T10:30:00Z"))).isTrue();
  }

  @Test
  void noResetNeverExpiresAndInvalidOnesAreRejected() {
    assertThat(ConditionsReset.parse(null).expired(T0, T0.plusSeconds(1_000_000))).isFalse();
    assertThatThrownBy(() -> ConditionsReset.parse("- byTime: {cron: \"61 * * * *\"}"))
        .hasMessageContaining("conditionsReset[0].byTime.cron");
    assertThatThrownBy(
            () -> ConditionsReset.parse("- byTime: {cron: \"0 0 * * *\", timezone: Mars/Base}"))
        .hasMessageContaining("timezone");
  }
}
