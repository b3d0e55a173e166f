package io.caravan.routes.webhook;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** Plain-text answers, as Argo's webhook server writes them. */
final class WebhookResponses {
  private WebhookResponses() {}

  static void send(HttpServerRequest request, int status, String text) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .end(text);
    if (!request.isEnded()) {
      // The body was not read: drop whatever still arrives instead of buffering it.
      request.handler(null);
      request.resume();
    }
  }

  /** Answers and closes the connection without reading the rest of the request body. */
  static void sendAndClose(HttpServerRequest request, int status, String text) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(status)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Connection", "close")
        .end(text)
        .onComplete(done -> request.connection().close());
  }
}
