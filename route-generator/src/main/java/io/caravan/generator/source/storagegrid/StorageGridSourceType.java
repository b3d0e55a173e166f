package io.caravan.generator.source.storagegrid;

import io.caravan.api.eventsource.WebhookContext;
import io.caravan.api.eventsource.storagegrid.StorageGridEventSource;
import io.caravan.api.eventsource.storagegrid.StorageGridFilter;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.source.WebhookContextRules;
import io.caravan.generator.source.WebhookEndpointParameters;
import io.caravan.generator.support.TlsParameters;
import io.caravan.generator.support.TlsSaslRules;
import io.caravan.generator.yaml.UriParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.storageGrid} events → {@code kamelet:storagegrid-source}: a NetApp StorageGRID
 * notification endpoint on the shared webhook server, and the bucket notification registered
 * through the management API, with Argo's validation ({@code storagegrid/validate.go}; inventory
 * §1.4 #20). The CloudEvent type is Argo's {@code storagegrid}.
 */
public final class StorageGridSourceType implements SourceType<StorageGridEventSource> {

  @Override
  public String key() {
    return "storageGrid";
  }

  @Override
  public String eventType() {
    return "storagegrid";
  }

  @Override
  public Class<StorageGridEventSource> model() {
    return StorageGridEventSource.class;
  }

  @Override
  public void check(SourceEvent<StorageGridEventSource> event, List<Diagnostic> out) {
    StorageGridEventSource source = event.config();
    if (source == null) {
      out.add(Diagnostic.error(event.path(), "storageGrid settings are missing"));
      return;
    }
    if (blank(source.getTopicArn())) {
      out.add(Diagnostic.error(event.path("topicArn"), "topic arn must be provided"));
    }
    if (blank(source.getApiURL())) {
      out.add(Diagnostic.error(event.path("apiURL"), "api url must be provided"));
    }
    if (source.getAuthToken() == null) {
      out.add(Diagnostic.error(event.path("authToken"), "api auth token must be provided"));
    }
    SecretRefs.check(event.path("authToken"), source.getAuthToken(), out);
    if (blank(source.getBucket())) {
      out.add(Diagnostic.error(event.path("bucket"), "bucket name must be provided"));
    }
    if (source.getEvents() == null) {
      out.add(Diagnostic.error(event.path("events"), "event types must be provided"));
    }
    TlsSaslRules.tls(event.path("tls"), source.getTls(), out);
    WebhookContext webhook = source.getWebhook();
    if (webhook == null) {
      out.add(Diagnostic.error(event.path("webhook"), "webhook is required"));
    } else {
      WebhookContextRules.check(event.path("webhook"), webhook, out);
      if (blank(webhook.getUrl())) {
        out.add(
            Diagnostic.warning(
                event.path("webhook.url"),
                "url is not set: StorageGRID is given '<endpoint>' alone as the endpoint URI (as"
                    + " in Argo)"));
      }
      if (webhook.getAuthSecret() != null) {
        out.add(
            Diagnostic.warning(
                event.path("webhook.authSecret"),
                "authSecret is not checked on storageGrid endpoints (as in Argo)"));
      }
    }
  }

  @Override
  public Map<String, Object> from(
      SourceEvent<StorageGridEventSource> event, Diagnostics diagnostics) {
    StorageGridEventSource source = event.config();
    if (source == null || source.getWebhook() == null) {
      diagnostics.error(event.path(), "storageGrid webhook settings are missing");
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
    if (parameters == null
        || !TlsParameters.put(parameters, source.getTls(), event.path("tls"), diagnostics)) {
      return null;
    }
    parameters.put("topicArn", source.getTopicArn());
    parameters.put("bucket", source.getBucket());
    parameters.put("apiUrl", source.getApiURL());
    parameters.put(
        "authToken",
        SecretRefs.reference(source.getAuthToken(), event.path("authToken"), diagnostics));
    parameters.put(
        "hookUrl",
        blank(source.getWebhook().getUrl())
            ? source.getWebhook().getEndpoint()
            : WebhookEndpointParameters.hookUrl(
                source.getWebhook().getUrl(), source.getWebhook().getEndpoint()));
    parameters.put("events", String.join(",", source.getEvents()));
    StorageGridFilter filter = source.getFilter();
    if (filter != null) {
      parameters.put("filterKeys", true);
      if (!blank(filter.getPrefix())) {
        parameters.put("prefix", filter.getPrefix());
      }
      if (!blank(filter.getSuffix())) {
        parameters.put("suffix", filter.getSuffix());
      }
    }
    parameters.put("eventName", event.eventName());
    WebhookEndpointParameters.withMetadata(parameters, source.getMetadata());
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:storagegrid-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  private static boolean blank(String text) {
    return text == null || text.isEmpty();
  }
}
