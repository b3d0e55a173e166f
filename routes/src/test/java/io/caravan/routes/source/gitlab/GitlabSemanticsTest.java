package io.caravan.routes.source.gitlab;

import io.caravan.routes.testing.ProviderSemanticsTestSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The cases of semantics/gitlab.yaml, sent over HTTP through the gitlab-source Kamelet. */
class GitlabSemanticsTest extends ProviderSemanticsTestSupport {
  GitlabSemanticsTest() {
    super("gitlab");
  }

  static Stream<Arguments> cases() {
    return cases("gitlab");
  }
}
