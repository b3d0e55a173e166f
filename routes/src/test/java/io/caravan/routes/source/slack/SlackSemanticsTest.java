package io.caravan.routes.source.slack;

import io.caravan.routes.testing.ProviderSemanticsTestSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The cases of semantics/slack.yaml, sent over HTTP through the slack-source Kamelet. */
class SlackSemanticsTest extends ProviderSemanticsTestSupport {
  SlackSemanticsTest() {
    super("slack");
  }

  static Stream<Arguments> cases() {
    return cases("slack");
  }
}
