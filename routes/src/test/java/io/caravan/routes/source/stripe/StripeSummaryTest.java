package io.caravan.routes.source.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of a stripe event, found through the registry. */
class StripeSummaryTest {
  @Test
  void describesTheEndpointItsRegistrationAndSignatures() {
    SourceSummary summary =
        ServiceLoader.load(SourceSummary.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.kamelet().equals("stripe-source"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.heading()).isEqualTo("Stripe webhooks");
    assertThat(summary.describe(Map.of("port", "12000", "endpoint", "/stripe")))
        .isEqualTo("http://localhost:12000/stripe (not registered, unsigned)");
    assertThat(
            summary.describe(
                Map.of(
                    "port", "12000",
                    "endpoint", "/stripe",
                    "hookUrl", "https://e.example/stripe",
                    "apiKey", "stripe/key",
                    "signingSecret", "stripe/whsec")))
        .isEqualTo(
            "http://localhost:12000/stripe (registered as https://e.example/stripe, signed)");
  }
}
