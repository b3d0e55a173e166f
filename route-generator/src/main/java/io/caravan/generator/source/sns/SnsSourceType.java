package io.caravan.generator.source.sns;

import io.caravan.api.eventsource.WebhookContext;
import io.caravan.api.eventsource.sns.SnsEventSource;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.source.WebhookContextRules;
import io.caravan.generator.source.WebhookEndpointParameters;
import io.caravan.generator.support.ExpressionSyntax;
import io.caravan.generator.yaml.UriParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.sns} events → {@code kamelet:sns-source}: an HTTP endpoint on the shared webhook
 * server subscribed to an SNS topic, with Argo's validation ({@code awssns/validate.go}: topic ARN,
 * region, the endpoint's rules; inventory §1.5.13).
 */
public final class SnsSourceType implements SourceType<SnsEventSource> {

  @Override
  public String key() {
    return "sns";
  }

  @Override
  public Class<SnsEventSource> model() {
    return SnsEventSource.class;
  }

  @Override
  public void check(SourceEvent<SnsEventSource> event, List<Diagnostic> out) {
    SnsEventSource source = event.config();
    if (source == null) {
      out.add(Diagnostic.error(event.path(), "sns settings are missing"));
      return;
    }
    if (blank(source.getTopicArn())) {
      out.add(Diagnostic.error(event.path("topicArn"), "must specify topic arn"));
    }
    if (blank(source.getRegion())) {
      out.add(Diagnostic.error(event.path("region"), "must specify region"));
    }
    SecretRefs.check(event.path("accessKey"), source.getAccessKey(), out);
    SecretRefs.check(event.path("secretKey"), source.getSecretKey(), out);
    if ((source.getAccessKey() == null) != (source.getSecretKey() == null)) {
      out.add(
          Diagnostic.warning(
              event.path(source.getAccessKey() == null ? "secretKey" : "accessKey"),
              "accessKey and secretKey go together: the default AWS credentials are used"));
    }
    if (!blank(source.getRoleARN())) {
      out.add(
          Diagnostic.unsupported(
              event.path("roleARN"),
              "roleARN (assuming an IAM role through STS is not built in; give accessKey/secretKey"
                  + " or the pod's default AWS credentials)"));
    }
    WebhookContext webhook = source.getWebhook();
    if (webhook == null) {
      out.add(Diagnostic.error(event.path("webhook"), "webhook is required"));
    } else {
      WebhookContextRules.check(event.path("webhook"), webhook, out);
      if (blank(webhook.getUrl())) {
        out.add(
            Diagnostic.warning(
                event.path("webhook.url"),
                "url is not set: the endpoint is not subscribed to the topic (Argo subscribes"
                    + " '<url><endpoint>' and fails without it)"));
      }
      if (webhook.getAuthSecret() != null) {
        out.add(
            Diagnostic.warning(
                event.path("webhook.authSecret"),
                "authSecret is not checked on sns endpoints (as in Argo); use validateSignature"));
      }
    }
    ExpressionSyntax.eventSourceFilter(event.path(), source.getFilter(), out);
  }

  @Override
  public Map<String, Object> from(SourceEvent<SnsEventSource> event, Diagnostics diagnostics) {
    SnsEventSource source = event.config();
    if (source == null || source.getWebhook() == null) {
      diagnostics.error(event.path(), "sns webhook settings are missing");
      return null;
    }
    List<Diagnostic> problems = new ArrayList<>();
    check(event, problems);
    List<Diagnostic> errors = problems.stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      diagnostics.addAll(errors);
      return null;
    }
    Map<String, Object> parameters =
        WebhookEndpointParameters.of(event.path("webhook"), source.getWebhook(), diagnostics);
    if (parameters == null) {
      return null;
    }
    parameters.put("topicArn", source.getTopicArn());
    parameters.put("region", source.getRegion());
    if (source.getAccessKey() != null && source.getSecretKey() != null) {
      parameters.put(
          "accessKey",
          SecretRefs.reference(source.getAccessKey(), event.path("accessKey"), diagnostics));
      parameters.put(
          "secretKey",
          SecretRefs.reference(source.getSecretKey(), event.path("secretKey"), diagnostics));
    }
    if (!blank(source.getWebhook().getUrl())) {
      parameters.put(
          "hookUrl",
          WebhookEndpointParameters.hookUrl(
              source.getWebhook().getUrl(), source.getWebhook().getEndpoint()));
    }
    parameters.put("validateSignature", Boolean.TRUE.equals(source.getValidateSignature()));
    if (!blank(source.getEndpoint())) {
      parameters.put("apiEndpoint", source.getEndpoint());
    }
    WebhookEndpointParameters.withMetadata(parameters, source.getMetadata());
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:sns-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(SnsEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }

  private static boolean blank(String text) {
    return text == null || text.isEmpty();
  }
}
