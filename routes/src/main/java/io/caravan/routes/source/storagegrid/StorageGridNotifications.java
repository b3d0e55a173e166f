package io.caravan.routes.source.storagegrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.webhook.HookApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argo's registration through the StorageGRID management API ({@code PostActivate}): the endpoint
 * for the topic URN is created unless listed ({@code GET/POST <api>/org/endpoints}, anonymous
 * auth), then the bucket's notification configuration is set to the topic and events ({@code PUT
 * <api>/org/containers/<bucket>/notification}), with the auth token as bearer.
 */
final class StorageGridNotifications {
  private static final Logger LOG = LoggerFactory.getLogger(StorageGridNotifications.class);

  private final String where;
  private final HookApiClient client;
  private final String api;
  private final String topicArn;
  private final String bucket;
  private final String hookUrl;
  private final String eventName;
  private final List<String> events;
  private final AtomicBoolean done = new AtomicBoolean();

  StorageGridNotifications(
      String where,
      HookApiClient client,
      String apiUrl,
      String topicArn,
      String bucket,
      String hookUrl,
      String eventName,
      List<String> events) {
    this.where = where;
    this.client = client;
    this.api = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    this.topicArn = topicArn;
    this.bucket = bucket;
    this.hookUrl = hookUrl;
    this.eventName = eventName;
    this.events = List.copyOf(events);
  }

  /** One registration pass; throws when the API fails (the caller retries). */
  void apply() throws Exception {
    if (done.get()) {
      return;
    }
    boolean exists = false;
    for (JsonNode endpoint : client.get(api + "/org/endpoints").path("data")) {
      if (topicArn.equals(endpoint.path("endpointURN").asText())) {
        exists = true;
        LOG.info("{}: StorageGRID endpoint {} already exists", where, topicArn);
        break;
      }
    }
    if (!exists) {
      ObjectNode endpoint = JsonNodeFactory.instance.objectNode();
      endpoint.put("displayName", eventName);
      endpoint.put("endpointURI", hookUrl);
      endpoint.put("endpointURN", topicArn);
      endpoint.put("authType", "anonymous");
      endpoint.put("insecureTLS", true);
      client.send("POST", api + "/org/endpoints", endpoint);
      LOG.info("{}: StorageGRID endpoint {} registered for {}", where, topicArn, hookUrl);
    }
    ObjectNode notification = JsonNodeFactory.instance.objectNode();
    notification.put("notification", configuration(eventName, topicArn, events));
    client.send(
        "PUT",
        api
            + "/org/containers/"
            + URLEncoder.encode(bucket, StandardCharsets.UTF_8).replace("+", "%20")
            + "/notification",
        notification);
    done.set(true);
    LOG.info("{}: notification configuration of bucket {} set", where, bucket);
  }

  /** Argo's {@code NotificationConfiguration} text (values XML-escaped). */
  static String configuration(String id, String topic, List<String> events) {
    String eventXml =
        events.stream()
            .map(e -> "<Event>" + escape(e) + "</Event>")
            .collect(Collectors.joining("\n"));
    return "\n<NotificationConfiguration>\n\t<TopicConfiguration>\n\t  <Id>"
        + escape(id)
        + "</Id>\n\t  <Topic>"
        + escape(topic)
        + "</Topic>\n\t  "
        + eventXml
        + "\n\t</TopicConfiguration>\n</NotificationConfiguration>\n\n";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
