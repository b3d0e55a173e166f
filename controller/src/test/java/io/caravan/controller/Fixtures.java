package io.caravan.controller;

/** Manifests used by the reconciler tests (written for these tests, in Argo's format). */
final class Fixtures {

  private Fixtures() {}

  static final String JETSTREAM_BUS =
      """
      apiVersion: argoproj.io/v1alpha1
      kind: EventBus
      metadata:
        name: default
      spec:
        jetstream:
          version: latest
          replicas: 3
      """;

  static String webhookSource(String name, String endpoint) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: %s
        spec:
          service:
            ports:
              - port: 12000
                targetPort: 12000
          template:
            serviceAccountName: events-sa
            priorityClassName: platform-events
            nodeSelector:
              pool: events
            container:
              resources:
                limits:
                  memory: 256Mi
              env:
                - name: EXTRA
                  value: "1"
          webhook:
            deploy:
              port: "12000"
              endpoint: %s
              method: POST
              authSecret:
                name: webhook-token
                key: token
        """
        .formatted(name, endpoint);
  }

  static String calendarSource(String name) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: %s
        spec:
          replicas: 2
          calendar:
            tick:
              interval: 10s
        """
        .formatted(name);
  }

  static String logSensor(String name, String eventSource) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata:
          name: %s
        spec:
          dependencies:
            - name: dep
              eventSourceName: %s
              eventName: deploy
          triggers:
            - template:
                name: log-it
                log:
                  intervalSeconds: 1
        """
        .formatted(name, eventSource);
  }
}
