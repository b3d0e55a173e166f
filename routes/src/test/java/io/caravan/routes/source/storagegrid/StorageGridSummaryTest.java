package io.caravan.routes.source.storagegrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of a storageGrid event, found through the registry. */
class StorageGridSummaryTest {
  @Test
  void describesTheEndpointAndTheBucket() {
    SourceSummary summary =
        ServiceLoader.load(SourceSummary.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.kamelet().equals("storagegrid-source"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.heading()).isEqualTo("StorageGRID notifications");
    assertThat(
            summary.describe(
                Map.of(
                    "port",
                    "12000",
                    "endpoint",
                    "/grid",
                    "bucket",
                    "uploads",
                    "topicArn",
                    "urn:t")))
        .isEqualTo("http://localhost:12000/grid (bucket uploads → urn:t)");
  }
}
