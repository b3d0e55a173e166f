package io.caravan.routes.source.stripe;

import io.caravan.routes.testing.ProviderSemanticsTestSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The cases of semantics/stripe.yaml, sent over HTTP through the stripe-source Kamelet. */
class StripeSemanticsTest extends ProviderSemanticsTestSupport {
  StripeSemanticsTest() {
    super("stripe");
  }

  static Stream<Arguments> cases() {
    return cases("stripe");
  }
}
