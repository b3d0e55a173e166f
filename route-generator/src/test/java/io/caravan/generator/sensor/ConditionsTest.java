package io.caravan.generator.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  @Test
  void namesAreListedInOrderOfFirstUse() {
    Conditions conditions = Conditions.parse("(dep-b || dep_a) && dep-b && c1");
    assertThat(conditions.names()).containsExactly("dep-b", "dep_a", "c1");
  }

  @Test
  void rewriteKeepsOperatorsAndSpacing() {
    Conditions conditions = Conditions.parse("( x ||y)&&  z");
    assertThat(conditions.rewrite(name -> name.toUpperCase())).isEqualTo("( X ||Y)&&  Z");
  }

  @Test
  void noConditionsMeansTheAndOfAllDependenciesInDeclarationOrder() {
    assertThat(Conditions.allOf(List.of("dep2", "dep1"))).isEqualTo("dep2 && dep1");
    assertThat(Conditions.allOf(List.of("only"))).isEqualTo("only");
  }

  @Test
  void rejectsBrokenExpressionsWithThePosition() {
    assertThatThrownBy(() -> Conditions.parse("a &&")).hasMessageContaining("missing");
    assertThatThrownBy(() -> Conditions.parse("a & b")).hasMessageContaining("'&' at position 3");
    assertThatThrownBy(() -> Conditions.parse("(a || b")).hasMessageContaining("missing ')'");
    assertThatThrownBy(() -> Conditions.parse("a b")).hasMessageContaining("'b' at position 3");
    assertThatThrownBy(() -> Conditions.parse("!a")).hasMessageContaining("'!'");
    assertThatThrownBy(() -> Conditions.parse("a || )")).hasMessageContaining("')'");
  }
}
