package io.caravan.routes.source.webhook;

/** What one webhook-style endpoint does with its requests (see {@link WebhookProvider}). */
public interface WebhookReceiver extends AutoCloseable {

  /**
   * Checks one request and says what to answer and which events it carries. Called on a worker
   * thread (blocking is allowed), once per request, with the whole body read.
   */
  WebhookReply receive(WebhookRequest request) throws Exception;

  /**
   * Called once the endpoint serves requests, e.g. to register the hook with the provider. Must not
   * block for long: slow or retried work belongs on the receiver's own thread.
   */
  default void start() {}

  /** Called when the endpoint stops, e.g. to delete a registered hook. */
  @Override
  default void close() {}
}
