package io.caravan.routes.source.sns;

import io.caravan.routes.testing.ProviderSemanticsTestSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The cases of semantics/sns.yaml, sent over HTTP through the sns-source Kamelet. */
class SnsSemanticsTest extends ProviderSemanticsTestSupport {
  SnsSemanticsTest() {
    super("sns");
  }

  static Stream<Arguments> cases() {
    return cases("sns");
  }
}
