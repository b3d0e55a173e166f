package io.caravan.routes.trigger.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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

/** slack trigger against a WireMock stand-in for the Slack Web API. */
class SlackTriggerSinkTest {
  private final WireMockServer slack =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private TriggerTestRoutes routes;

  @BeforeEach
  void start() throws Exception {
    slack.start();
    String sink =
        "kamelet:slack-sink?sensorName=test-sensor&triggerName=%s&apiUrl="
            + slack.baseUrl()
            + "/api";
    String token = "    slackToken: {name: slack, key: token}\n";
    routes =
        new TriggerTestRoutes(new MapSecretStore().putSecret("slack", "token", "xoxb-test"))
            .trigger(
                "notify",
                "template:\n  name: notify\n  slack:\n"
                    + token
                    + "    channel: C0OPS\n"
                    + "    message: placeholder\n"
                    + "    blocks: '[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*alert*\"}}]'\n"
                    + "    sender: {username: caravan-bot, icon: ':rotating_light:'}\n"
                    + "    thread: {messageAggregationKey: incident, broadcastMessageToChannel: true}\n"
                    + "    parameters:\n      - src: {dependencyName: test-dep, dataTemplate: 'Alert {{ .Input.body.alert }}'}\n"
                    + "        dest: message\n",
                sink.formatted("notify"))
            .trigger(
                "plain",
                "template:\n  name: plain\n  slack:\n"
                    + token
                    + "    channel: C0NEW\n    message: hi\n",
                sink.formatted("plain"))
            .start();
  }

  @AfterEach
  void stop() {
    routes.close();
    slack.stop();
  }

  @Test
  void postsTheMessageAndThreadsLaterOnesWithTheSameKey() throws Exception {
    slack.stubFor(
        post(urlEqualTo("/api/chat.postMessage"))
            .willReturn(
                okJson("{\"ok\":true,\"channel\":\"C0OPS\",\"ts\":\"1700000000.000100\"}")));

    Exchange first = routes.fire("notify", "{\"alert\":\"DiskFull\"}");
    Exchange second = routes.fire("notify", "{\"alert\":\"DiskFull again\"}");

    assertThat(first.getException()).isNull();
    assertThat(second.getException()).isNull();
    slack.verify(
        postRequestedFor(urlEqualTo("/api/chat.postMessage"))
            .withHeader("Authorization", equalTo("Bearer xoxb-test"))
            .withRequestBody(
                equalToJson(
                    "{\"channel\":\"C0OPS\",\"text\":\"Alert DiskFull\","
                        + "\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*alert*\"}}],"
                        + "\"username\":\"caravan-bot\",\"icon_emoji\":\":rotating_light:\"}")));
    slack.verify(
        postRequestedFor(urlEqualTo("/api/chat.postMessage"))
            .withRequestBody(matchingJsonPath("$.thread_ts", equalTo("1700000000.000100")))
            .withRequestBody(matchingJsonPath("$.reply_broadcast", equalTo("true")))
            .withRequestBody(matchingJsonPath("$.text", equalTo("Alert DiskFull again"))));
  }

  @Test
  void joinsTheChannelWhenNotInItAndPostsAgain() throws Exception {
    slack.stubFor(
        post(urlEqualTo("/api/chat.postMessage"))
            .inScenario("join")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"ok\":false,\"error\":\"not_in_channel\"}"))
            .willSetStateTo("joined"));
    slack.stubFor(
        post(urlEqualTo("/api/conversations.join"))
            .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"C0NEW\"}}")));
    slack.stubFor(
        post(urlEqualTo("/api/chat.postMessage"))
            .inScenario("join")
            .whenScenarioStateIs("joined")
            .willReturn(okJson("{\"ok\":true,\"ts\":\"1.2\"}")));

    Exchange done = routes.fire("plain", "{}");

    assertThat(done.getException()).isNull();
    assertThat(done.getMessage().getHeader("CaravanSlackTs")).isEqualTo("1.2");
    slack.verify(
        postRequestedFor(urlEqualTo("/api/conversations.join"))
            .withRequestBody(equalToJson("{\"channel\":\"C0NEW\"}")));
  }

  @Test
  void slackErrorsAndHttpErrorsFailTheTrigger() throws Exception {
    slack.stubFor(
        post(urlEqualTo("/api/chat.postMessage"))
            .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
    assertThat(routes.fire("plain", "{}").getException()).hasMessageContaining("channel_not_found");

    slack.stubFor(
        post(urlEqualTo("/api/chat.postMessage"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
    assertThat(routes.fire("plain", "{}").getException())
        .hasMessageContaining("HTTP 429")
        .hasMessageContaining("retry after 30")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("xoxb-test"));
  }
}
