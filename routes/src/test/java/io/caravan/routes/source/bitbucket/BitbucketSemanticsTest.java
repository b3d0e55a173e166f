package io.caravan.routes.source.bitbucket;

import io.caravan.routes.testing.ProviderSemanticsTestSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The cases of semantics/bitbucket.yaml, sent over HTTP through the bitbucket-source Kamelet. */
class BitbucketSemanticsTest extends ProviderSemanticsTestSupport {
  BitbucketSemanticsTest() {
    super("bitbucket");
  }

  static Stream<Arguments> cases() {
    return cases("bitbucket");
  }
}
