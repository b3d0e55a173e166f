package io.caravan.routes.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a case file {@code semantics/<type>.yaml} of a webhook-style provider over real HTTP,
 * through the type's Kamelet. The file names the {@code kamelet}, the {@code secrets} ({@code
 * name/key: value}), the {@code endpoints} (path → Kamelet parameters) and the {@code cases}: a
 * request {method (POST), path, headers, body, sign} and an expectation {status, body or
 * bodyContains, published (false or a count), data (JSON pointer → value in the first event; null =
 * absent)}. {@code sign} lists signatures the runner computes: {header, algorithm (an HMAC of
 * javax.crypto), secret, message (default {body}), format (default {hex})}. In headers and messages
 * {@code {now}} / {@code {now-N}} is the epoch second (minus N) and {@code {body}} the body. A
 * subclass declares {@code static Stream<Arguments> cases()} returning {@link #cases(String)}.
 */
public abstract class ProviderSemanticsTestSupport extends RouteContractTestSupport {
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NOW = Pattern.compile("\\{now(?:-(\\d+))?\\}");
  private final int port = AvailablePortFinder.getNextAvailable();
  private final JsonNode file;
  private WireMockServer api;
  private long now;

  protected ProviderSemanticsTestSupport(String type) {
    this.file = read(type);
  }

  @Override
  public boolean isUseRouteBuilder() {
    return false;
  }

  protected static Stream<Arguments> cases(String type) {
    return StreamSupport.stream(read(type).get("cases").spliterator(), false)
        .map(c -> Arguments.of(c.get("name").asText(), c));
  }

  private static JsonNode read(String type) {
    try (InputStream in =
        ProviderSemanticsTestSupport.class.getResourceAsStream("/semantics/" + type + ".yaml")) {
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void stopApi() {
    if (api != null) {
      api.stop();
    }
  }

  /** A WireMock server for the file's {@code api} stubs; {@code {api}} in parameters is its URL. */
  private String startApi() {
    if (!file.has("api")) {
      return "";
    }
    api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    api.start();
    for (JsonNode stub : file.get("api")) {
      MappingBuilder mapping =
          WireMock.request(stub.get("method").asText(), urlPathMatching(stub.get("path").asText()));
      if (stub.has("bodyContains")) {
        mapping = mapping.withRequestBody(containing(stub.get("bodyContains").asText()));
      }
      api.stubFor(
          mapping.willReturn(
              stub.has("xml")
                  ? aResponse()
                      .withHeader("Content-Type", "text/xml")
                      .withBody(stub.get("xml").asText())
                  : okJson(stub.path("json").asText("{}"))));
    }
    return api.baseUrl();
  }

  private void start() throws Exception {
    String apiUrl = startApi();
    context
        .getRegistry()
        .bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(new SimpleMeterRegistry(), "ns"));
    MapSecretStore secrets = new MapSecretStore();
    file.path("secrets")
        .fields()
        .forEachRemaining(
            s -> {
              String[] ref = s.getKey().split("/", 2);
              secrets.putSecret(ref[0], ref[1], s.getValue().asText());
            });
    context.getRegistry().bind(SecretStore.BEAN_NAME, secrets);
    List<Object> routes = new ArrayList<>();
    file.get("endpoints")
        .fields()
        .forEachRemaining(
            e -> {
              Map<String, Object> parameters = new LinkedHashMap<>();
              parameters.put("port", Integer.toString(port));
              parameters.put("endpoint", e.getKey());
              e.getValue()
                  .fields()
                  .forEachRemaining(
                      p -> parameters.put(p.getKey(), text(p).replace("{api}", apiUrl)));
              String id = e.getKey().replaceAll("[^A-Za-z0-9]", "");
              routes.add(
                  Map.of(
                      "route",
                      Map.of(
                          "id",
                          id,
                          "from",
                          Map.of(
                              "uri",
                              "kamelet:" + file.get("kamelet").asText(),
                              "parameters",
                              parameters,
                              "steps",
                              List.of(Map.of("to", "mock:published"))))));
            });
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(ResourceHelper.fromString("semantics.yaml", YAML.writeValueAsString(routes)));
    context.start();
  }

  private static String text(Map.Entry<String, JsonNode> p) {
    return p.getValue().isValueNode() ? p.getValue().asText() : p.getValue().toString();
  }

  private String expand(String template, String body) {
    Matcher m = NOW.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      long minus = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
      m.appendReplacement(out, Long.toString(now - minus));
    }
    m.appendTail(out);
    return out.toString().replace("{body}", body);
  }

  private static String hmac(String algorithm, String secret, String message) throws Exception {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode tree(Object body) throws IOException {
    if (body instanceof byte[] bytes) {
      return JSON.readTree(bytes);
    }
    return body instanceof String text ? JSON.readTree(text) : JSON.valueToTree(body);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersLikeArgo(String name, JsonNode c) throws Exception {
    start();
    now = Instant.now().getEpochSecond();
    JsonNode request = c.get("request");
    String body = request.path("body").asText("");
    HttpRequest.Builder builder =
        Http.request("http://127.0.0.1:" + port + request.get("path").asText());
    for (var h : (Iterable<Map.Entry<String, JsonNode>>) () -> request.path("headers").fields()) {
      builder.header(h.getKey(), expand(h.getValue().asText(), body));
    }
    for (JsonNode s : request.path("sign")) {
      String message = expand(s.path("message").asText("{body}"), body);
      String hex = hmac(s.get("algorithm").asText(), s.get("secret").asText(), message);
      builder.header(
          s.get("header").asText(),
          expand(s.path("format").asText("{hex}"), body).replace("{hex}", hex));
    }
    builder.method(
        request.path("method").asText("POST"),
        request.has("body") ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
    MockEndpoint published = getMockEndpoint("mock:published");

    HttpResponse<String> response = Http.send(builder.build());

    JsonNode expect = c.get("expect");
    assertThat(response.statusCode()).as("status").isEqualTo(expect.get("status").asInt());
    if (expect.has("body")) {
      assertThat(response.body()).as("answer").isEqualTo(expect.get("body").asText());
    }
    if (expect.has("bodyContains")) {
      assertThat(response.body()).as("answer").contains(expect.get("bodyContains").asText());
    }
    JsonNode count = expect.path("published");
    if (count.isBoolean() && !count.asBoolean()) {
      assertThat(published.getReceivedCounter()).as("published").isZero();
    } else if (count.isInt()) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> published.getReceivedCounter() >= count.asInt());
      assertThat(published.getReceivedCounter()).as("published").isEqualTo(count.asInt());
    }
    if (expect.has("data")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> published.getReceivedCounter() >= 1);
      matches(published, 0, expect.get("data"));
    }
    for (JsonNode call : expect.path("apiCalls")) {
      api.verify(
          WireMock.anyRequestedFor(WireMock.anyUrl()).withRequestBody(containing(call.asText())));
    }
    JsonNode events = expect.path("events");
    for (int i = 0; i < events.size(); i++) {
      matches(published, i, events.get(i));
    }
  }

  private static void matches(MockEndpoint published, int index, JsonNode expected)
      throws IOException {
    JsonNode data = tree(published.getReceivedExchanges().get(index).getIn().getBody());
    for (var p : (Iterable<Map.Entry<String, JsonNode>>) expected::fields) {
      JsonNode actual = data.at(p.getKey());
      String what = "event " + index + " " + p.getKey() + " in " + data;
      if (p.getValue().isNull()) {
        assertThat(actual.isMissingNode()).as(what + " absent").isTrue();
      } else {
        assertThat(actual).as(what).isEqualTo(p.getValue());
      }
    }
  }
}
