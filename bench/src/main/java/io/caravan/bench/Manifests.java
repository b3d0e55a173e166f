package io.caravan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Argo manifests the harness runs: one webhook EventSource and Sensors with an http trigger to the
 * receiver.
 */
final class Manifests {
  private Manifests() {}

  /**
   * EventSource {@code bench} with {@code events} webhook endpoints {@code /e0…} (or {@code
   * /example} for 1).
   */
  static String eventSource(int port, int events) {
    StringBuilder yaml =
        new StringBuilder(
            """
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata:
          name: bench
        spec:
          webhook:
        """);
    for (int i = 0; i < events; i++) {
      String name = eventName(events, i);
      yaml.append("    ")
          .append(name)
          .append(":\n")
          .append("      port: \"")
          .append(port)
          .append("\"\n")
          .append("      endpoint: /")
          .append(name)
          .append('\n')
          .append("      method: POST\n");
    }
    return yaml.toString();
  }

  static String eventName(int events, int i) {
    return events == 1 ? "example" : "e" + i;
  }

  /**
   * Sensor {@code name}: one dependency on {@code bench/<event>}, an http trigger POSTing {@code
   * {"body": …}}, {@code atLeastOnce: true} (the bus message is acked after the trigger, as
   * pipeline (a) does; Argo's default acks first and loses the events in flight when the sensor is
   * killed).
   */
  static String sensor(String name, String event, String receiverUrl) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Sensor
        metadata:
          name: %s
        spec:
          dependencies:
            - name: in
              eventSourceName: bench
              eventName: %s
          triggers:
            - atLeastOnce: true
              template:
                name: hook
                http:
                  url: %s
                  method: POST
                  headers:
                    Content-Type: application/json
                  payload:
                    - src:
                        dependencyName: in
                        dataKey: body
                        useRawData: true
                      dest: body
        """
        .formatted(name, event, receiverUrl);
  }

  static Path write(Path dir, String file, String yaml) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(file), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
