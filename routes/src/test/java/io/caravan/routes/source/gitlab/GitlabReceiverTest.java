package io.caravan.routes.source.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.caravan.routes.source.gitlab.GitlabTestRoutes.PUSH;
import static io.caravan.routes.source.gitlab.GitlabTestRoutes.TOKEN;
import static io.caravan.routes.source.gitlab.GitlabTestRoutes.route;
import static io.caravan.routes.testing.Http.request;
import static io.caravan.routes.testing.Http.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests to a gitlab endpoint over real HTTP, through the Kamelet: {@code X-Gitlab-Token} checked
 * only when hooks are managed (as Argo), JSON bodies, and the event data {@code {headers, body,
 * metadata}} (inventory §1.5.12, §2.3).
 */
class GitlabReceiverTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int port = AvailablePortFinder.getNextAvailable();
  private final String base = "http://127.0.0.1:" + port;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final WireMockServer gitlab =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  @BeforeEach
  void startRoutes() throws Exception {
    gitlab.start();
    gitlab.stubFor(get(urlPathMatching(".*/hooks")).willReturn(okJson("[]")));
    context.getRegistry().bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(meters, "ns"));
    context
        .getRegistry()
        .bind(
            SecretStore.BEAN_NAME,
            new MapSecretStore().putSecret("gl", "hook", TOKEN).putSecret("gl", "api", "api-t"));
    String managed =
        """
        accessToken: gl/api
        secretToken: gl/hook
        gitlabBaseURL: %s
        hookUrl: https://events.example.com/managed
        metadata: '{"team":"platform"}'"""
            .formatted(gitlab.baseUrl());
    String yaml =
        route("managed", port, managed)
            // without managed hooks Argo never reads the secret token: nothing is checked
            + route("unmanaged", port, "secretToken: gl/hook");
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("gl.yaml", yaml));
  }

  @AfterEach
  void stopGitlab() {
    gitlab.stop();
  }

  private HttpResponse<String> push(String path, String token, String body) throws Exception {
    var builder =
        request(base + path)
            .header("Content-Type", "application/json")
            .header("X-Gitlab-Event", "Push Hook");
    if (token != null) {
      builder.header("X-Gitlab-Token", token);
    }
    return send(builder.POST(BodyPublishers.ofString(body)).build());
  }

  private double refused(String endpoint) {
    var counter =
        meters
            .find("caravan_webhook_requests_refused")
            .tags("provider", "gitlab", "endpoint", endpoint, "status", "400")
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aPushWithTheTokenIsOneEventWithHeadersBodyAndMetadata() throws Exception {
    MockEndpoint mock = getMockEndpoint("mock:managed");
    mock.expectedMessageCount(1);

    HttpResponse<String> response = push("/managed", TOKEN, PUSH);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("success");
    mock.assertIsSatisfied();
    ObjectNode data = mock.getReceivedExchanges().get(0).getIn().getBody(ObjectNode.class);
    assertThat(data.get("body")).isEqualTo(JSON.readTree(PUSH));
    assertThat(data.at("/headers/X-Gitlab-Event").toString()).isEqualTo("[\"Push Hook\"]");
    assertThat(data.at("/headers/X-Gitlab-Token").toString()).isEqualTo("[\"" + TOKEN + "\"]");
    assertThat(data.get("metadata")).isEqualTo(JSON.readTree("{\"team\":\"platform\"}"));
  }

  @Test
  void aWrongOrMissingTokenAndANonJsonBodyAreCounted400s() throws Exception {
    HttpResponse<String> wrong = push("/managed", "guess", PUSH);
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).isEqualTo("token mismatch");
    HttpResponse<String> missing = push("/managed", null, PUSH);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).isEqualTo("token mismatch");
    HttpResponse<String> notJson = push("/managed", TOKEN, "object_kind=push");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).isEqualTo("invalid event");

    assertThat(refused("/managed")).isEqualTo(3);
    assertThat(getMockEndpoint("mock:managed").getReceivedCounter()).isZero();
  }

  @Test
  void withoutManagedHooksTheTokenIsNotChecked() throws Exception {
    // as Argo: the token is read only with managed hooks
    MockEndpoint mock = getMockEndpoint("mock:unmanaged");
    mock.expectedMessageCount(2);

    assertThat(push("/unmanaged", null, PUSH).statusCode()).isEqualTo(200);
    assertThat(push("/unmanaged", "guess", PUSH).statusCode()).isEqualTo(200);

    mock.assertIsSatisfied();
  }
}
