package io.caravan.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * The trigger target: a Vert.x server (one event loop) that answers 200 and records each event's
 * arrival.
 */
final class Receiver extends AbstractVerticle {
  static final String PATH = "/recv";
  private final Tracker tracker;
  private volatile int port;

  private Receiver(Tracker tracker) {
    this.tracker = tracker;
  }

  static Receiver start(Vertx vertx, Tracker tracker) {
    Receiver receiver = new Receiver(tracker);
    vertx
        .deployVerticle(receiver, new DeploymentOptions())
        .toCompletionStage()
        .toCompletableFuture()
        .join();
    return receiver;
  }

  @Override
  public void start(Promise<Void> started) {
    HttpServer server =
        vertx.createHttpServer(
            new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true));
    server.requestHandler(
        request ->
            request
                .body()
                .onComplete(
                    body -> {
                      if (body.succeeded()) {
                        tracker.arrived(Payloads.seqOf(body.result()));
                      }
                      request.response().setStatusCode(200).end();
                    }));
    server
        .listen()
        .onSuccess(
            s -> {
              port = s.actualPort();
              started.complete();
            })
        .onFailure(started::fail);
  }

  int port() {
    return port;
  }

  String url() {
    return "http://127.0.0.1:" + port + PATH;
  }
}
