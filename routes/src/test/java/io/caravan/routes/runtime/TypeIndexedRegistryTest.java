package io.caravan.routes.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.support.SupplierRegistry;
import org.junit.jupiter.api.Test;

class TypeIndexedRegistryTest {
  @Test
  void typeLookupsSeeEveryBindAndUnbind() {
    TypeIndexedRegistry registry = new TypeIndexedRegistry(new SupplierRegistry());
    registry.bind("a", String.class, "A");
    registry.bind("n", Integer.class, 1);
    assertThat(registry.findByType(String.class)).containsExactly("A");
    assertThat(registry.indexed(String.class)).containsExactly("a");
    registry.bind("b", String.class, "B");
    assertThat(registry.findByType(String.class)).containsExactlyInAnyOrder("A", "B");
    assertThat(registry.findByTypeWithName(CharSequence.class)).containsOnlyKeys("a", "b");
    registry.unbind("a");
    assertThat(registry.findByType(String.class)).containsExactly("B");
    assertThat(registry.findSingleByType(Integer.class)).isEqualTo(1);
    assertThat(registry.lookupByNameAndType("n", Integer.class)).isEqualTo(1);
  }

  @Test
  void supplierBeansAreFoundByTheirType() {
    TypeIndexedRegistry registry = new TypeIndexedRegistry(new SupplierRegistry());
    AtomicInteger created = new AtomicInteger();
    registry.bind(
        "s", StringBuilder.class, () -> new StringBuilder("s" + created.incrementAndGet()));
    assertThat(registry.findSingleByType(StringBuilder.class)).hasToString("s1");
    assertThat(registry.findSingleByType(StringBuilder.class)).isNotNull();
    assertThat(registry.findByType(Integer.class)).isEmpty();
  }
}
