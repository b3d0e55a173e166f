package io.caravan.routes.trigger.argocd;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.caravan.routes.support.secrets.MapSecretStore;
import io.caravan.routes.testing.TriggerTestRoutes;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Caravan's argoCD trigger against a WireMock stand-in for the Argo CD API: sync request, bearer
 * token, waiting for the operation and health, errors; and Argo's plain http form of the same sync
 * call.
 */
class ArgoCdTriggerSinkTest {
  private static final String SYNC = "/api/v1/applications/billing/sync";
  private static final String APP = "/api/v1/applications/billing";

  private final WireMockServer argocd =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private TriggerTestRoutes routes;

  @BeforeEach
  void start() throws Exception {
    argocd.start();
    String base =
        "template:\n  name: %s\n  argoCD:\n    server: "
            + argocd.baseUrl()
            + "/\n"
            + "    application: billing\n    appNamespace: argocd\n    project: payments\n"
            + "    tokenSecret: {name: argocd, key: token}\n";
    routes =
        new TriggerTestRoutes(new MapSecretStore().putSecret("argocd", "token", "argocd-t0ken"))
            .trigger(
                "sync",
                base.formatted("sync")
                    + "    prune: true\n    dryRun: false\n"
                    + "    resources: [{group: apps, kind: Deployment, name: api, namespace: billing}]\n"
                    + "    wait: {timeoutSeconds: 10, intervalSeconds: 0.1, health: true}\n"
                    + "    parameters:\n      - src: {dependencyName: test-dep, dataKey: body.revision}\n        dest: revision\n",
                "kamelet:argocd-sink?sensorName=test-sensor&triggerName=sync")
            .trigger(
                "no-wait",
                base.formatted("no-wait"),
                "kamelet:argocd-sink?sensorName=test-sensor&triggerName=no-wait")
            .trigger(
                "short-wait",
                base.formatted("short-wait")
                    + "    wait: {timeoutSeconds: 1, intervalSeconds: 0.2}\n",
                "kamelet:argocd-sink?sensorName=test-sensor&triggerName=short-wait")
            .trigger(
                "plain-http",
                "template:\n  name: plain-http\n  http:\n    url: "
                    + argocd.baseUrl()
                    + SYNC
                    + "\n"
                    + "    method: POST\n    headers: {Content-Type: application/json}\n"
                    + "    secureHeaders:\n      - name: Authorization\n        valueFrom:\n"
                    + "          secretKeyRef: {name: argocd, key: bearer}\n"
                    + "    payload:\n      - src: {dependencyName: test-dep, value: 'true'}\n        dest: prune\n"
                    + "policy:\n  status:\n    allow: [200]\n",
                "kamelet:http-sink?url=" + argocd.baseUrl() + SYNC + "&statusAllow=200")
            .start();
    ((MapSecretStore) routes.context().getRegistry().lookupByName("secretStore"))
        .putSecret("argocd", "bearer", "Bearer argocd-t0ken");
  }

  @AfterEach
  void stop() {
    routes.close();
    argocd.stop();
  }

  @Test
  void syncsTheApplicationAndWaitsUntilSyncedAndHealthy() throws Exception {
    argocd.stubFor(
        post(urlEqualTo(SYNC)).willReturn(okJson("{\"metadata\":{\"name\":\"billing\"}}")));
    argocd.stubFor(
        get(urlPathEqualTo(APP))
            .inScenario("sync")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                okJson(
                    "{\"operation\":{\"sync\":{}},\"status\":{\"operationState\":{\"phase\":\"Succeeded\"}}}"))
            .willSetStateTo("running"));
    argocd.stubFor(
        get(urlPathEqualTo(APP))
            .inScenario("sync")
            .whenScenarioStateIs("running")
            .willReturn(
                okJson(
                    "{\"status\":{\"operationState\":{\"phase\":\"Succeeded\"},"
                        + "\"sync\":{\"status\":\"Synced\"},\"health\":{\"status\":\"Progressing\"}}}"))
            .willSetStateTo("healthy"));
    argocd.stubFor(
        get(urlPathEqualTo(APP))
            .inScenario("sync")
            .whenScenarioStateIs("healthy")
            .willReturn(
                okJson(
                    "{\"status\":{\"operationState\":{\"phase\":\"Succeeded\"},"
                        + "\"sync\":{\"status\":\"Synced\"},\"health\":{\"status\":\"Healthy\"}}}")));

    Exchange done = routes.fire("sync", "{\"revision\":\"v2.4.0\"}");

    assertThat(done.getException()).isNull();
    assertThat(done.getMessage().getHeader("CaravanArgoCdHealth")).isEqualTo("Healthy");
    argocd.verify(
        postRequestedFor(urlEqualTo(SYNC))
            .withHeader("Authorization", equalTo("Bearer argocd-t0ken"))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"billing\",\"revision\":\"v2.4.0\",\"appNamespace\":\"argocd\","
                        + "\"project\":\"payments\",\"prune\":true,\"dryRun\":false,"
                        + "\"resources\":[{\"group\":\"apps\",\"kind\":\"Deployment\",\"name\":\"api\",\"namespace\":\"billing\"}]}")));
    argocd.verify(3, getRequestedFor(urlEqualTo(APP + "?appNamespace=argocd&project=payments")));
  }

  @Test
  void aFailedSyncOperationFailsTheTrigger() throws Exception {
    argocd.stubFor(post(urlEqualTo(SYNC)).willReturn(okJson("{}")));
    argocd.stubFor(
        get(urlPathEqualTo(APP))
            .willReturn(
                okJson(
                    "{\"status\":{\"operationState\":{\"phase\":\"Failed\",\"message\":\"one or more objects failed to apply\"}}}")));

    Exchange done = routes.fire("sync", "{\"revision\":\"bad\"}");

    assertThat(done.getException())
        .hasMessageContaining("sync Failed: one or more objects failed to apply");
  }

  @Test
  void anErrorStatusFailsWithArgoCdsMessageAndNoWaitReturnsAtOnce() throws Exception {
    argocd.stubFor(
        post(urlEqualTo(SYNC))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"error\":\"permission denied\",\"code\":7,\"message\":\"permission denied: applications, sync, payments/billing\"}")));
    Exchange denied = routes.fire("no-wait", "{}");
    assertThat(denied.getException())
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining("permission denied: applications, sync")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("argocd-t0ken"));

    argocd.stubFor(post(urlEqualTo(SYNC)).willReturn(okJson("{}")));
    assertThat(routes.fire("no-wait", "{}").getException()).isNull();
    argocd.verify(0, getRequestedFor(urlPathEqualTo(APP)));
  }

  @Test
  void waitingLongerThanTheTimeoutFailsWithTheLastState() throws Exception {
    argocd.stubFor(post(urlEqualTo(SYNC)).willReturn(okJson("{}")));
    argocd.stubFor(
        get(urlPathEqualTo(APP))
            .willReturn(
                okJson(
                    "{\"operation\":{},\"status\":{\"operationState\":{\"phase\":\"Running\"},\"sync\":{\"status\":\"OutOfSync\"}}}")));

    Exchange done = routes.fire("short-wait", "{}");

    assertThat(done.getException())
        .hasMessageContaining("not done within 1 s")
        .hasMessageContaining("phase Running, sync OutOfSync");
  }

  @Test
  void argosPlainHttpFormOfTheSyncCallWorks() throws Exception {
    argocd.stubFor(post(urlEqualTo(SYNC)).willReturn(okJson("{}")));

    Exchange done = routes.fire("plain-http", "{}");

    assertThat(done.getException()).isNull();
    argocd.verify(
        postRequestedFor(urlEqualTo(SYNC))
            .withHeader("Authorization", equalTo("Bearer argocd-t0ken"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{\"prune\":\"true\"}")));
  }
}
