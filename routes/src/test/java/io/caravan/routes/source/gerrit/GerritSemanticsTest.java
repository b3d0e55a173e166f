package io.caravan.routes.source.gerrit;

import io.caravan.routes.testing.ProviderSemanticsTestSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The cases of semantics/gerrit.yaml, sent over HTTP through the gerrit-source Kamelet. */
class GerritSemanticsTest extends ProviderSemanticsTestSupport {
  GerritSemanticsTest() {
    super("gerrit");
  }

  static Stream<Arguments> cases() {
    return cases("gerrit");
  }
}
