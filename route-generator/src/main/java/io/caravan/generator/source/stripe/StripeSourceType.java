package io.caravan.generator.source.stripe;

import io.caravan.api.eventsource.WebhookContext;
import io.caravan.api.eventsource.stripe.StripeEventSource;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.SecretRefs;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.source.WebhookContextRules;
import io.caravan.generator.source.WebhookEndpointParameters;
import io.caravan.generator.yaml.UriParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.stripe} events → {@code kamelet:stripe-source}: a Stripe webhook endpoint on the
 * shared webhook server, with Argo's validation ({@code stripe/validate.go}), the endpoint
 * registration ({@code createWebhook}) and, beyond Argo, the {@code signingSecret} check (inventory
 * §1.4 #22). Argo's stripe events have no {@code filter}.
 */
public final class StripeSourceType implements SourceType<StripeEventSource> {

  @Override
  public String key() {
    return "stripe";
  }

  @Override
  public Class<StripeEventSource> model() {
    return StripeEventSource.class;
  }

  @Override
  public void check(SourceEvent<StripeEventSource> event, List<Diagnostic> out) {
    StripeEventSource source = event.config();
    if (source == null) {
      out.add(Diagnostic.error(event.path(), "stripe settings are missing"));
      return;
    }
    if (createWebhook(source) && source.getApiKey() == null) {
      out.add(Diagnostic.error(event.path("apiKey"), "api key K8s secret selector not provided"));
    }
    SecretRefs.check(event.path("apiKey"), source.getApiKey(), out);
    SecretRefs.check(event.path("signingSecret"), source.getSigningSecret(), out);
    WebhookContext webhook = source.getWebhook();
    if (webhook == null) {
      out.add(Diagnostic.error(event.path("webhook"), "webhook is required"));
    } else {
      WebhookContextRules.check(event.path("webhook"), webhook, out);
      if (createWebhook(source) && blank(webhook.getUrl())) {
        out.add(
            Diagnostic.warning(
                event.path("webhook.url"),
                "createWebhook needs webhook.url: no stripe webhook endpoint is registered"));
      }
      if (webhook.getAuthSecret() != null) {
        out.add(
            Diagnostic.warning(
                event.path("webhook.authSecret"),
                "authSecret is not checked on stripe endpoints (as in Argo)"));
      }
    }
    if (!createWebhook(source) && source.getApiKey() != null) {
      out.add(
          Diagnostic.warning(
              event.path("apiKey"), "apiKey is only used with createWebhook (as in Argo)"));
    }
    if (source.getNamespace() != null) {
      out.add(
          Diagnostic.warning(
              event.path("namespace"),
              "namespace is ignored (removed from Argo): secrets are read from the EventSource's"
                  + " namespace"));
    }
  }

  @Override
  public Map<String, Object> from(SourceEvent<StripeEventSource> event, Diagnostics diagnostics) {
    StripeEventSource source = event.config();
    if (source == null || source.getWebhook() == null) {
      diagnostics.error(event.path(), "stripe webhook settings are missing");
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
    if (source.getEventFilter() != null) {
      // an empty list accepts nothing, as Argo's filter does
      parameters.put("eventFilter", String.join(",", source.getEventFilter()));
      parameters.put("filterEvents", true);
    }
    if (createWebhook(source) && !blank(source.getWebhook().getUrl())) {
      parameters.put(
          "apiKey", SecretRefs.reference(source.getApiKey(), event.path("apiKey"), diagnostics));
      parameters.put(
          "hookUrl",
          WebhookEndpointParameters.hookUrl(
              source.getWebhook().getUrl(), source.getWebhook().getEndpoint()));
    }
    if (source.getSigningSecret() != null) {
      parameters.put(
          "signingSecret",
          SecretRefs.reference(
              source.getSigningSecret(), event.path("signingSecret"), diagnostics));
    }
    WebhookEndpointParameters.withMetadata(parameters, source.getMetadata());
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:stripe-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  private static boolean createWebhook(StripeEventSource source) {
    return Boolean.TRUE.equals(source.getCreateWebhook());
  }

  private static boolean blank(String text) {
    return text == null || text.isEmpty();
  }
}
