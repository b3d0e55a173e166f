package io.caravan.routes.source.bitbucketserver;

import io.caravan.routes.testing.ProviderSemanticsTestSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The cases of semantics/bitbucketserver.yaml, sent over HTTP through the bitbucketserver-source
 * Kamelet.
 */
class BitbucketServerSemanticsTest extends ProviderSemanticsTestSupport {
  BitbucketServerSemanticsTest() {
    super("bitbucketserver");
  }

  static Stream<Arguments> cases() {
    return cases("bitbucketserver");
  }
}
