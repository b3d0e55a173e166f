package io.caravan.routes.source.webhook;

/**
 * A webhook-style source type served by the shared webhook server: GitHub, GitLab, Slack, Stripe,
 * SNS … One implementation per type, in that type's folder ({@code source/<type>/}), registered by
 * one line in {@code META-INF/services/io.caravan.routes.source.webhook.WebhookProvider}. The
 * generated routes select it by name: {@code argo-webhook:<port><path>?provider=<name>}, with the
 * type's settings as {@code provider.<option>} parameters.
 *
 * <p>The server does what every such type shares: one server per port with {@code /health}, TLS,
 * the inactive check, reading the body up to {@code maxPayloadSize} (400 beyond it) and answering
 * once the bus stored the events. The provider does the rest: it checks the request (signatures,
 * tokens), builds the events' data, and may manage the provider's hook registration between {@link
 * WebhookReceiver#start()} and {@link WebhookReceiver#close()}.
 */
public interface WebhookProvider {

  /** The name the generated routes use in {@code provider=}, e.g. {@code github}. */
  String name();

  /**
   * Makes the receiver of one endpoint. Throws {@link IllegalArgumentException} naming the option
   * when the endpoint's options are unusable (the route then fails to start).
   */
  WebhookReceiver open(WebhookReceiverContext context);
}
