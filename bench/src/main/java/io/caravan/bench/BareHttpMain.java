package io.caravan.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;

/**
 * Limit (c): a bare Vert.x HTTP server (2 event loops) that reads the body and answers 200. Args:
 * PORT.
 */
public final class BareHttpMain {
  private BareHttpMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    vertx
        .deployVerticle(
            () ->
                new AbstractVerticle() {
                  @Override
                  public void start(io.vertx.core.Promise<Void> started) {
                    vertx
                        .createHttpServer(
                            new HttpServerOptions()
                                .setHost("127.0.0.1")
                                .setPort(port)
                                .setTcpNoDelay(true))
                        .requestHandler(
                            request ->
                                request
                                    .body()
                                    .onComplete(
                                        body ->
                                            request.response().setStatusCode(200).end("success")))
                        .listen()
                        .<Void>mapEmpty()
                        .onComplete(started);
                  }
                },
            new DeploymentOptions().setInstances(2))
        .toCompletionStage()
        .toCompletableFuture()
        .join();
    System.out.println("READY bare http on " + port);
    Thread.currentThread().join();
  }
}
