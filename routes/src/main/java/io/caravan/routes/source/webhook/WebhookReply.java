package io.caravan.routes.source.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a {@link WebhookReceiver} answers to one request. With events, the answer is sent only after
 * the bus stored all of them; when storing fails, the client gets 500 {@code failed to record
 * event} instead. Without events, the answer is sent as it is; a status of 400 or more is counted
 * and logged as a refusal.
 *
 * @param status the HTTP status
 * @param body the response body
 * @param contentType the response's {@code Content-Type}
 * @param events the events' data to put on the bus, in order (may be empty)
 */
public record WebhookReply(int status, String body, String contentType, List<ObjectNode> events) {
  static final String TEXT = "text/plain; charset=utf-8";

  public WebhookReply {
    events = List.copyOf(events);
  }

  /** One event; 200 {@code success} once stored. */
  public static WebhookReply event(ObjectNode data) {
    return new WebhookReply(200, "success", TEXT, List.of(data));
  }

  /** Several events (or none); 200 {@code success} once all are stored. */
  public static WebhookReply events(List<ObjectNode> data) {
    return new WebhookReply(200, "success", TEXT, data);
  }

  /** A refusal of the client's request (status 4xx) with Argo's text; no event. */
  public static WebhookReply refuse(int status, String message) {
    return new WebhookReply(status, message, TEXT, List.of());
  }

  /** An answer that carries no event (a challenge, a confirmation). */
  public static WebhookReply answer(int status, String body, String contentType) {
    return new WebhookReply(status, body, contentType, List.of());
  }

  /** The same events answered with another success body (e.g. Slack's empty 200). */
  public WebhookReply answeredWith(int newStatus, String newBody, String newContentType) {
    return new WebhookReply(newStatus, newBody, newContentType, events);
  }
}
