package io.caravan.routes.source.storagegrid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.webhook.HookApiClient;
import io.caravan.routes.source.webhook.HookMaintenance;
import io.caravan.routes.source.webhook.WebhookProvider;
import io.caravan.routes.source.webhook.WebhookReceiver;
import io.caravan.routes.source.webhook.WebhookReceiverContext;
import io.caravan.routes.source.webhook.WebhookReply;
import io.caravan.routes.source.webhook.WebhookRequest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@code provider=storagegrid}: NetApp StorageGRID notifications (Argo's {@code
 * storagegrid/start.go}). The URL-encoded body is converted to JSON as Argo does ({@link
 * StorageGridForm}); with {@code filterKeys}, the first record's {@code s3.object.key} must have
 * {@code prefix}/{@code suffix}. Each notification is one event {@code {notification, metadata}},
 * answered 200 with an SNS {@code PublishResponse} once stored. Options: {@code topicArn}, {@code
 * bucket}, {@code apiUrl}, {@code authToken} (reference), {@code hookUrl}, {@code events}, {@code
 * eventName}, {@code filterKeys}, {@code prefix}, {@code suffix}, {@code tls*}.
 */
public final class StorageGridProvider implements WebhookProvider {
  static final String TEXT = "text/plain";

  @Override
  public String name() {
    return "storagegrid";
  }

  @Override
  public WebhookReceiver open(WebhookReceiverContext context) {
    String token = context.secret("authToken").orElse(null);
    HookMaintenance maintenance = null;
    if (token != null && context.option("apiUrl") != null && context.option("bucket") != null) {
      HookApiClient client =
          HookApiClient.create(
              context,
              HookApiClient.headers("Authorization", "Bearer " + token),
              Function.identity());
      StorageGridNotifications notifications =
          new StorageGridNotifications(
              context.where(),
              client,
              context.option("apiUrl"),
              context.option("topicArn", ""),
              context.option("bucket"),
              context.option("hookUrl", context.path()),
              context.option("eventName", ""),
              list(context.option("events")));
      maintenance =
          new HookMaintenance(context.where(), notifications::apply, null, HookMaintenance.RETRY);
    }
    return new Receiver(
        context,
        context.flag("filterKeys", false),
        context.option("prefix", ""),
        context.option("suffix", ""),
        maintenance);
  }

  static List<String> list(String commaSeparated) {
    if (commaSeparated == null) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** Argo's answer to every notification: an SNS {@code PublishResponse}. */
  static String publishResponse() {
    return "\n<PublishResponse xmlns=\"http://argoevents-sns-server/\">\n    <PublishResult> \n"
        + "        <MessageId>"
        + UUID.randomUUID()
        + "</MessageId> \n    </PublishResult> \n    <ResponseMetadata>\n       <RequestId>"
        + UUID.randomUUID()
        + "</RequestId>\n    </ResponseMetadata> \n</PublishResponse>\n";
  }

  private record Receiver(
      WebhookReceiverContext context,
      boolean filterKeys,
      String prefix,
      String suffix,
      HookMaintenance maintenance)
      implements WebhookReceiver {

    @Override
    public WebhookReply receive(WebhookRequest request) {
      String answer = request.method().equals("HEAD") ? "" : publishResponse();
      ObjectNode notification;
      try {
        notification = StorageGridForm.toJson(request.bodyText());
      } catch (IllegalArgumentException e) {
        // DIFFERS: Argo answers 200 before parsing and only logs this
        return WebhookReply.refuse(
            400, "failed to convert request body in JSON format, " + e.getMessage());
      }
      JsonNode message = notification.get("Message");
      if (message != null && !message.isNull() && !message.isObject()) {
        return WebhookReply.refuse(
            400, "failed to convert the request body into storage grid notification");
      }
      if (!passes(notification)) {
        return WebhookReply.answer(200, answer, TEXT);
      }
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      data.set("notification", notification);
      if (context.metadata() != null && !context.metadata().isEmpty()) {
        data.set("metadata", context.metadata().deepCopy());
      }
      return WebhookReply.event(data).answeredWith(200, answer, TEXT);
    }

    /** Argo's {@code filterName}: no filter passes all; else the first record's key decides. */
    private boolean passes(ObjectNode notification) {
      if (!filterKeys) {
        return true;
      }
      JsonNode records = notification.path("Message").path("Records");
      if (!records.isArray() || records.isEmpty()) {
        return false;
      }
      String key = records.get(0).path("s3").path("object").path("key").asText("");
      return key.startsWith(prefix) && key.endsWith(suffix);
    }

    @Override
    public void start() {
      if (maintenance != null) {
        maintenance.start();
      }
    }

    @Override
    public void close() {
      if (maintenance != null) {
        maintenance.close();
      }
    }
  }
}
