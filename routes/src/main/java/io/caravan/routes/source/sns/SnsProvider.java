package io.caravan.routes.source.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.webhook.HookMaintenance;
import io.caravan.routes.source.webhook.WebhookEventData;
import io.caravan.routes.source.webhook.WebhookProvider;
import io.caravan.routes.source.webhook.WebhookReceiver;
import io.caravan.routes.source.webhook.WebhookReceiverContext;
import io.caravan.routes.source.webhook.WebhookReply;
import io.caravan.routes.source.webhook.WebhookRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code provider=sns}: an HTTP(S) endpoint subscribed to an SNS topic (Argo's {@code
 * awssns/start.go}). The body is an SNS message; with {@code validateSignature} its signature is
 * checked first (400 with Argo's text). A {@code SubscriptionConfirmation} is confirmed through the
 * API, a {@code Notification} is one event {@code {header, body, metadata}} ({@code body} the SNS
 * message as sent), answered 200 with no body once stored. Options: {@code topicArn}, {@code
 * region}, {@code accessKey}/{@code secretKey} (references; else the default AWS credentials),
 * {@code hookUrl} (subscribed when the endpoint starts, retried while it serves), {@code
 * validateSignature}, {@code apiEndpoint}, {@code signingCertUrlPattern}.
 */
public final class SnsProvider implements WebhookProvider {
  private static final Logger LOG = LoggerFactory.getLogger(SnsProvider.class);

  @Override
  public String name() {
    return "sns";
  }

  @Override
  public WebhookReceiver open(WebhookReceiverContext context) {
    String topicArn = context.option("topicArn");
    String region = context.option("region");
    if (topicArn == null || region == null) {
      throw new IllegalArgumentException(context.where() + ": topicArn and region are required");
    }
    SnsSubscription subscription =
        new SnsSubscription(
            context.where(),
            region,
            context.secret("accessKey").orElse(null),
            context.secret("secretKey").orElse(null),
            context.option("apiEndpoint"),
            topicArn,
            context.option("hookUrl"));
    SnsSignature signature =
        context.flag("validateSignature", false)
            ? new SnsSignature(context.option("signingCertUrlPattern"))
            : null;
    HookMaintenance maintenance =
        context.option("hookUrl") == null
            ? null
            : new HookMaintenance(
                context.where(), subscription::subscribe, null, HookMaintenance.RETRY);
    return new Receiver(context, subscription, signature, maintenance);
  }

  private record Receiver(
      WebhookReceiverContext context,
      SnsSubscription subscription,
      SnsSignature signature,
      HookMaintenance maintenance)
      implements WebhookReceiver {

    @Override
    public WebhookReply receive(WebhookRequest request) {
      JsonNode message;
      try {
        message = WebhookEventData.rawJson(request.body());
      } catch (IllegalArgumentException e) {
        return WebhookReply.refuse(400, e.getMessage());
      }
      if (message.isNull()) {
        return WebhookReply.refuse(400, "bad request, not a valid SNS notification");
      }
      if (!message.isObject()) {
        return WebhookReply.refuse(400, "the body is not an SNS message object");
      }
      if (signature != null) {
        String failure = signature.check(message);
        if (failure != null) {
          return WebhookReply.refuse(400, failure);
        }
      }
      String type = message.path("Type").asText("");
      if (type.equals("SubscriptionConfirmation")) {
        try {
          subscription.confirm(message.path("Token").asText(""));
        } catch (RuntimeException e) {
          // DIFFERS: Argo answers 400; the API's failure is not the sender's, and a 5xx makes SNS
          // deliver the confirmation again
          LOG.warn("{}: failed to confirm the subscription: {}", context.where(), e.getMessage());
          return WebhookReply.answer(
              500, "failed to confirm the subscription", "text/plain; charset=utf-8");
        }
        return WebhookReply.answer(200, "", "text/plain; charset=utf-8");
      }
      if (!type.equals("Notification")) {
        LOG.debug("{}: SNS message of type '{}' carries no event", context.where(), type);
        return WebhookReply.answer(200, "", "text/plain; charset=utf-8");
      }
      ObjectNode data = JsonNodeFactory.instance.objectNode();
      data.set("header", WebhookEventData.headersJson(request.headers()));
      data.set("body", message);
      if (context.metadata() != null && !context.metadata().isEmpty()) {
        data.set("metadata", context.metadata().deepCopy());
      }
      return WebhookReply.event(data).answeredWith(200, "", "text/plain; charset=utf-8");
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
      subscription.close();
    }
  }
}
