package io.caravan.routes.source.storagegrid;

import io.caravan.routes.testing.ProviderSemanticsTestSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The cases of semantics/storagegrid.yaml, sent over HTTP through the storagegrid-source Kamelet.
 */
class StorageGridSemanticsTest extends ProviderSemanticsTestSupport {
  StorageGridSemanticsTest() {
    super("storagegrid");
  }

  static Stream<Arguments> cases() {
    return cases("storagegrid");
  }
}
