package io.caravan.routes.source.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** Plain-text answers, as Argo's webhook server writes them. */
final class WebhookResponses {
  private WebhookResponses() {}

  static void send(HttpServerRequest request, int status, String text) {
    send(request, status, text, "text/plain; charset=utf-8");
  }

  static void send(HttpServerRequest request, int status, String body, String contentType) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status);
    if (contentType != null && !contentType.isEmpty()) {
      response.putHeader("Content-Type", contentType);
    }
    response.end(body == null ? "" : body);
    if (!request.isEnded()) {
      // The body was not read: drop whatever still arrives instead of buffering it.
      request.handler(null);
      request.resume();
    }
  }

  /** Most of a rejected body read and thrown away before the connection is closed anyway. */
  private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

  /** How long a rejected body may take to arrive before the connection is closed anyway. */
  private static final long DRAIN_MILLIS = 5_000;

  /**
   * Answers, then closes the connection. The rest of the request body is read and discarded first
   * (up to {@link #DRAIN_LIMIT} bytes or {@link #DRAIN_MILLIS}): closing a socket with unread bytes
   * makes the kernel reset it, and the client then loses the answer it was about to read.
   */
  static void sendAndClose(HttpServerRequest request, int status, String text) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response
        .setStatusCode(status)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Connection", "close")
        .end(text);
    if (request.isEnded()) {
      request.connection().close();
      return;
    }
    Vertx vertx = Vertx.currentContext().owner();
    long timer = vertx.setTimer(DRAIN_MILLIS, id -> request.connection().close());
    long[] drained = {0};
    request.handler(
        chunk -> {
          drained[0] += chunk.length();
          if (drained[0] > DRAIN_LIMIT) {
            request.handler(null);
            request.connection().close();
          }
        });
    request.endHandler(
        v -> {
          vertx.cancelTimer(timer);
          request.connection().close();
        });
    request.resume();
  }
}
