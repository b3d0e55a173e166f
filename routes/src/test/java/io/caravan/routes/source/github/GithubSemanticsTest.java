package io.caravan.routes.source.github;

import io.caravan.routes.testing.ProviderSemanticsTestSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The cases of semantics/github.yaml, sent over HTTP through the github-source Kamelet. */
class GithubSemanticsTest extends ProviderSemanticsTestSupport {
  GithubSemanticsTest() {
    super("github");
  }

  static Stream<Arguments> cases() {
    return cases("github");
  }
}
