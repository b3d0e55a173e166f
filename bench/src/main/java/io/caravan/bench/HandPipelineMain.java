package io.caravan.bench;

import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.UUID;

/**
 * Pipeline (a), the reference: a Vert.x HTTP server (2 event loops) that publishes each body with
 * {@code publishAsync} and answers 200 only when the PubAck arrives (503 otherwise); a durable pull
 * consumer ({@code consume()}, explicit ack, 64 in flight) that POSTs each message with Vert.x
 * WebClient and acks on 2xx. No framework. Args: NATS_URL HTTP_PORT RECEIVER_URL full|ingress.
 */
public final class HandPipelineMain {
  static final String STREAM = "hand";
  static final String SUBJECT = "hand.webhook.example";
  static final int IN_FLIGHT = 64;

  private HandPipelineMain() {}

  public static void main(String[] args) throws Exception {
    String natsUrl = args[0];
    int port = Integer.parseInt(args[1]);
    URI receiver = URI.create(args[2]);
    boolean consume = !"ingress".equals(args[3]);

    Connection publisher = Nats.connect(natsUrl);
    JetStreamManagement jsm = publisher.jetStreamManagement();
    jsm.addStream(
        StreamConfiguration.builder()
            .name(STREAM)
            .subjects("hand.*.*")
            .storageType(StorageType.File)
            .build());
    JetStream js = publisher.jetStream();

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
                                        body -> {
                                          if (body.failed()) {
                                            request.response().setStatusCode(400).end();
                                            return;
                                          }
                                          var ctx = vertx.getOrCreateContext();
                                          Headers headers =
                                              new Headers()
                                                  .put("Nats-Msg-Id", UUID.randomUUID().toString());
                                          js.publishAsync(
                                                  SUBJECT, headers, body.result().getBytes())
                                              .whenComplete(
                                                  (ack, error) ->
                                                      ctx.runOnContext(
                                                          v -> {
                                                            if (error == null) {
                                                              request
                                                                  .response()
                                                                  .setStatusCode(200)
                                                                  .end("success");
                                                            } else {
                                                              request
                                                                  .response()
                                                                  .setStatusCode(503)
                                                                  .end("not stored");
                                                            }
                                                          }));
                                        }))
                        .listen()
                        .<Void>mapEmpty()
                        .onComplete(started);
                  }
                },
            new DeploymentOptions().setInstances(2))
        .toCompletionStage()
        .toCompletableFuture()
        .join();

    if (consume) {
      Connection subscriber = Nats.connect(natsUrl);
      WebClient client =
          WebClient.create(
              vertx,
              new WebClientOptions()
                  .setMaxPoolSize(IN_FLIGHT)
                  .setKeepAlive(true)
                  .setTcpNoDelay(true)
                  .setMaxWaitQueueSize(-1));
      ConsumerContext consumer =
          subscriber
              .getStreamContext(STREAM)
              .createOrUpdateConsumer(
                  ConsumerConfiguration.builder()
                      .durable("hand")
                      .filterSubject(SUBJECT)
                      .ackPolicy(AckPolicy.Explicit)
                      .deliverPolicy(DeliverPolicy.New)
                      .maxAckPending(IN_FLIGHT)
                      .build());
      consumer.consume(
          ConsumeOptions.builder().batchSize(IN_FLIGHT).build(),
          message ->
              client
                  .post(receiver.getPort(), receiver.getHost(), receiver.getPath())
                  .putHeader("Content-Type", "application/json")
                  .sendBuffer(Buffer.buffer(message.getData()))
                  .onComplete(
                      ar -> {
                        if (ar.succeeded() && ar.result().statusCode() / 100 == 2) {
                          message.ack();
                        } else {
                          message.nak();
                        }
                      }));
    }
    System.out.println("READY hand pipeline on " + port + (consume ? "" : " (ingress only)"));
    Thread.currentThread().join();
  }
}
