package io.caravan.bench;

import io.caravan.routes.runtime.CaravanRuntime;

/**
 * The same flow as Caravan's generated routes, written by hand as two plain Camel routes (no
 * Kamelets, filter, conditions, template beans or trigger metrics), run by the same runtime with
 * the same components. Args: NATS_URL HTTP_PORT RECEIVER_URL MAX_IN_FLIGHT.
 */
public final class HandCamelMain {
  private HandCamelMain() {}

  static String routes(int port, String receiverUrl) {
    return """
        - beans:
            - name: handPayload
              type: io.caravan.bench.HandPayload
        - route:
            id: hand.in
            from:
              uri: argo-webhook:%d/example
              steps:
                - to: argo-event:bench/example?type=webhook
                - to: eventbus:bench/example
        - route:
            id: hand.out
            from:
              uri: eventbus:bench/example
              parameters:
                durableName: hand-camel
                sensorName: bench
                triggerName: hook
                dependencyName: in
              steps:
                - process:
                    ref: handPayload
                - to:
                    uri: vertx-http:%s
        """
        .formatted(port, receiverUrl);
  }

  public static void main(String[] args) throws Exception {
    CaravanRuntime runtime =
        CaravanRuntime.builder()
            .document("hand.yaml", routes(Integer.parseInt(args[1]), args[2]))
            .busUrl(args[0])
            .metricsPort(0)
            .busMaxInFlight(Integer.parseInt(args[3]))
            .build();
    runtime.start();
    System.out.println("READY hand camel; Caravan started");
    Thread.currentThread().join();
  }
}
