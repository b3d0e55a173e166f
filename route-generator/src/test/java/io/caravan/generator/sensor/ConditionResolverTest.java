package io.caravan.generator.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.api.sensor.EventDependency;
import io.caravan.generator.Diagnostics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionResolverTest {

  private final Diagnostics diagnostics = new Diagnostics();

  @Test
  void dashAndUnderscoreAreAliasesAndTheDeclaredNameIsWritten() {
    ResolvedConditions resolved =
        resolver("dep-1", "dep_1a", "dep-3").resolve("dep-1 || dep-1a || dep_3", "p");
    assertThat(resolved.expression()).isEqualTo("dep-1 || dep_1a || dep-3");
    assertThat(resolved.dependencies()).containsExactly("dep-1", "dep_1a", "dep-3");
    assertThat(diagnostics.list()).isEmpty();
  }

  @Test
  void dependenciesComeInDeclarationOrderNotConditionOrder() {
    ResolvedConditions resolved = resolver("a", "b", "c").resolve("c && a", "p");
    assertThat(resolved.dependencies()).containsExactly("a", "c");
  }

  @Test
  void emptyConditionsWaitForAllDependencies() {
    ResolvedConditions resolved = resolver("dep1", "dep1a", "dep2").resolve("  ", "p");
    assertThat(resolved.expression()).isEqualTo("dep1 && dep1a && dep2");
  }

  @Test
  void unknownNameMakesTheTriggerInactiveWithAWarning() {
    assertThat(resolver("a").resolve("a || ghost", "spec.triggers[0].template.conditions"))
        .isNull();
    assertThat(diagnostics.list())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.isError()).isFalse();
              assertThat(d.path()).isEqualTo("spec.triggers[0].template.conditions");
              assertThat(d.message()).contains("'ghost'");
            });
  }

  private ConditionResolver resolver(String... names) {
    Map<String, EventDependency> dependencies = new LinkedHashMap<>();
    for (String name : names) {
      EventDependency dependency = new EventDependency();
      dependency.setName(name);
      dependencies.put(name, dependency);
    }
    return new ConditionResolver(dependencies, diagnostics);
  }
}
