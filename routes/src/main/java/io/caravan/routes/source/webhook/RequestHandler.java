package io.caravan.routes.source.webhook;

import io.vertx.core.http.HttpServerRequest;

/** How one endpoint answers its requests; runs on the event loop. */
interface RequestHandler {
  void handle(HttpServerRequest request);
}
