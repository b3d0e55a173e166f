package io.caravan.routes.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.calendar.CalendarComponent;
import io.caravan.routes.support.secrets.SecretStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden {@code expected.yaml} of the compiler (route-generator's {@code
 * src/test/resources/golden/<case>/}) starts in the runtime as written: each Kamelet, component,
 * bean type ({@code caravan:<name>}) and parameter it names resolves, and its routes start. Ports
 * are moved to free ones; secrets come from a store that has a test certificate for every TLS
 * reference; calendars keep their last events in memory.
 */
class GoldenRoutesLoadTest {
  private static final Path GOLDEN =
      Path.of(
          System.getProperty("caravan.repo.dir", ".."),
          "route-generator",
          "src",
          "test",
          "resources",
          "golden");
  private static final Pattern PORT = Pattern.compile("(\\bport: \")(\\d+)(\")");

  static Stream<Path> goldenRoutes() throws IOException {
    try (Stream<Path> cases = Files.list(GOLDEN)) {
      return cases
          .map(dir -> dir.resolve("expected.yaml"))
          .filter(Files::isRegularFile)
          .filter(GoldenRoutesLoadTest::hasRoutes)
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void everyCaseWithRoutesIsLoaded() throws IOException {
    assertThat(goldenRoutes().count())
        .as("golden cases with routes under %s", GOLDEN)
        .isGreaterThanOrEqualTo(24);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenRoutes")
  void startsAsGenerated(Path expected) throws Exception {
    String yaml = withFreePorts(Files.readString(expected));
    String name = expected.getParent().getFileName().toString();
    try (CaravanRuntime runtime =
        CaravanRuntime.builder()
            .document(name, yaml)
            .busUrl(null)
            .metricsPort(0)
            .namespace("argo-events")
            .secretStore(new TestSecrets())
            .camelProperty("camel.component.argo-calendar.store", CalendarComponent.STORE_MEMORY)
            .build()) {
      runtime.start();
      assertThat(runtime.summary().routes()).as(name).isNotEmpty();
    }
  }

  private static boolean hasRoutes(Path expected) {
    try {
      String text = Files.readString(expected);
      return text.contains("- route:") || text.contains("- beans:");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Each distinct configured port becomes one free port (endpoints sharing a port still do). */
  private static String withFreePorts(String yaml) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    Matcher matcher = PORT.matcher(yaml);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      int port =
          ports.computeIfAbsent(matcher.group(2), p -> AvailablePortFinder.getNextAvailable());
      matcher.appendReplacement(out, "$1" + port + "$3");
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Any secret: the test certificate for TLS certificate keys, its key for key keys, else text. */
  private static final class TestSecrets implements SecretStore {
    private static final String CERT = resource("/webhook-tls/test-cert.pem");
    private static final String KEY = resource("/webhook-tls/test-key.pem");

    @Override
    public Optional<String> secret(String name, String key) {
      if (key.endsWith(".crt") || key.contains("cert")) {
        return Optional.of(CERT);
      }
      if (key.endsWith(".key")) {
        return Optional.of(KEY);
      }
      return Optional.of("secret-" + name + "-" + key);
    }

    @Override
    public Optional<String> configMap(String name, String key) {
      return Optional.of("value-" + name + "-" + key);
    }

    private static String resource(String path) {
      try (InputStream in = GoldenRoutesLoadTest.class.getResourceAsStream(path)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
