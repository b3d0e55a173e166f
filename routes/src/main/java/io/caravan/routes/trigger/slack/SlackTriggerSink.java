package io.caravan.routes.trigger.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.support.tls.TlsSettings;
import io.caravan.routes.trigger.TriggerSpecMessage;
import io.caravan.routes.trigger.TriggerTemplate;
import io.caravan.routes.trigger.WebClientTriggerSink;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The {@code slack-sink} Kamelet's step: posts the trigger's message with Slack's {@code
 * chat.postMessage}, as Argo's slack trigger does: {@code channel}, {@code message}, {@code blocks}
 * and {@code attachments} (JSON text), {@code sender} {username, icon (an :emoji: or a URL)}, and
 * {@code thread}: messages with the same {@code messageAggregationKey} go into one thread (the
 * first one starts it), optionally also broadcast to the channel. When the bot is not in the
 * channel it joins it ({@code conversations.join}) and posts again. A Slack answer {@code ok:
 * false} or an HTTP error fails the exchange with Slack's error code. The API base is {@code
 * apiUrl}, else the property {@code caravan.slack.apiUrl} / environment variable {@code
 * CARAVAN_SLACK_API_URL}, else {@code https://slack.com/api}.
 */
public class SlackTriggerSink extends WebClientTriggerSink implements Processor {
  static final String DEFAULT_API_URL = "https://slack.com/api";
  static final String API_URL_PROPERTY = "caravan.slack.apiUrl";
  private static final String FIELD = "trigger.template.slack";
  private static final long TIMEOUT_MILLIS = 30_000;

  private final Map<String, String> threads = new ConcurrentHashMap<>();
  private String apiUrl;
  private String sensorName = "";
  private String triggerName = "";

  public void setApiUrl(String apiUrl) {
    this.apiUrl = apiUrl == null || apiUrl.isBlank() ? null : apiUrl.replaceAll("/+$", "");
  }

  public void setSensorName(String sensorName) {
    this.sensorName = sensorName;
  }

  public void setTriggerName(String triggerName) {
    this.triggerName = triggerName;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    ObjectNode spec = TriggerSpecMessage.spec(exchange.getMessage(), "slack");
    String token =
        SecretRefs.required(
            SecretRefs.store(exchange.getContext()), spec.get("slackToken"), FIELD + ".slackToken");
    String channel = spec.path("channel").asText("");
    if (channel.isBlank()) {
      throw new IllegalArgumentException(FIELD + ".channel: is required");
    }
    ObjectNode post = TriggerTemplate.JSON.createObjectNode();
    post.put("channel", channel);
    String text = spec.path("message").asText("");
    if (!text.isEmpty()) {
      post.put("text", text);
    }
    jsonText(spec, "blocks", post);
    jsonText(spec, "attachments", post);
    if (!post.has("text") && !post.has("blocks") && !post.has("attachments")) {
      throw new IllegalArgumentException(FIELD + ": message, blocks or attachments is required");
    }
    JsonNode sender = spec.path("sender");
    if (!sender.path("username").asText("").isEmpty()) {
      post.put("username", sender.path("username").asText());
    }
    String icon = sender.path("icon").asText("");
    if (!icon.isEmpty()) {
      post.put(icon.startsWith(":") ? "icon_emoji" : "icon_url", icon);
    }
    String threadKey = spec.path("thread").path("messageAggregationKey").asText("");
    String threadTs = threadKey.isEmpty() ? null : threads.get(threadKey);
    if (threadTs != null) {
      post.put("thread_ts", threadTs);
      if (spec.path("thread").path("broadcastMessageToChannel").asBoolean(false)) {
        post.put("reply_broadcast", true);
      }
    }
    String base = base(exchange.getContext());
    WebClient client = clients(exchange.getContext()).client(TlsSettings.NONE);
    JsonNode answer = call(client, base, "chat.postMessage", token, post);
    if (!answer.path("ok").asBoolean(false)
        && "not_in_channel".equals(answer.path("error").asText())) {
      ObjectNode join = TriggerTemplate.JSON.createObjectNode().put("channel", channel);
      check(call(client, base, "conversations.join", token, join), "conversations.join", channel);
      answer = call(client, base, "chat.postMessage", token, post);
    }
    check(answer, "chat.postMessage", channel);
    String ts = answer.path("ts").asText("");
    if (!threadKey.isEmpty() && threadTs == null && !ts.isEmpty()) {
      threads.putIfAbsent(threadKey, ts);
    }
    exchange.getMessage().setHeader("CaravanSlackTs", ts);
    exchange.getMessage().setBody(answer.toString());
  }

  private static void jsonText(JsonNode spec, String field, ObjectNode post) {
    JsonNode value = spec.get(field);
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      return;
    }
    if (value.isTextual()) {
      try {
        value = TriggerTemplate.JSON.readTree(value.asText());
      } catch (Exception e) {
        throw new IllegalArgumentException(
            FIELD + "." + field + ": not valid JSON: " + e.getMessage(), e);
      }
    }
    post.set(field, value);
  }

  private JsonNode call(WebClient client, String base, String method, String token, ObjectNode body)
      throws Exception {
    HttpResponse<Buffer> response =
        client
            .postAbs(base + "/" + method)
            .timeout(TIMEOUT_MILLIS)
            .putHeader("Authorization", "Bearer " + token)
            .putHeader("Content-Type", "application/json; charset=utf-8")
            .sendBuffer(Buffer.buffer(body.toString()))
            .toCompletionStage()
            .toCompletableFuture()
            .get(TIMEOUT_MILLIS + 5_000, TimeUnit.MILLISECONDS);
    if (response.statusCode() / 100 != 2) {
      String retry = response.getHeader("Retry-After");
      throw new IllegalStateException(
          "slack "
              + method
              + " for trigger '"
              + triggerName
              + "' of sensor '"
              + sensorName
              + "': HTTP "
              + response.statusCode()
              + (retry == null ? "" : " (retry after " + retry + " s)"));
    }
    try {
      return TriggerTemplate.JSON.readTree(response.bodyAsString());
    } catch (Exception e) {
      throw new IllegalStateException("slack " + method + ": the answer is not JSON", e);
    }
  }

  private void check(JsonNode answer, String method, String channel) {
    if (!answer.path("ok").asBoolean(false)) {
      throw new IllegalStateException(
          "slack "
              + method
              + " to channel '"
              + channel
              + "' failed: "
              + answer.path("error").asText("unknown error"));
    }
  }

  private String base(CamelContext context) {
    if (apiUrl != null) {
      return apiUrl;
    }
    String configured =
        context
            .getPropertiesComponent()
            .loadProperties(API_URL_PROPERTY::equals)
            .getProperty(API_URL_PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getProperty(API_URL_PROPERTY, System.getenv("CARAVAN_SLACK_API_URL"));
    }
    return configured == null || configured.isBlank()
        ? DEFAULT_API_URL
        : configured.replaceAll("/+$", "");
  }
}
