package io.caravan.cli;

import io.caravan.routes.leader.LeaderLease;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.runtime.RouteDocument;
import io.caravan.routes.support.secrets.MountedSecretStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caravan serve}: what an EventSource or Sensor pod runs. Loads already generated route
 * documents (the controller's ConfigMap, mounted as a directory), connects to the bus given by the
 * environment and reads Secret/ConfigMap values from files mounted as Argo mounts them.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs generated route documents (*.yaml in ROUTES_DIR), as an EventSource or Sensor pod does.",
      "Environment: CARAVAN_BUS_URL, CARAVAN_BUS_USERNAME, CARAVAN_BUS_PASSWORD (or CARAVAN_BUS_AUTH_FILE:",
      "Argo's client-auth YAML), CARAVAN_BUS_STREAM_CONFIG (Argo's streamConfig YAML), CARAVAN_NAMESPACE,",
      "CARAVAN_BUS_MAX_IN_FLIGHT, CARAVAN_LEADER_LEASE (with POD_NAME or HOSTNAME as the identity, and Argo's",
      "LEADER_ELECTION_LEASE_DURATION, LEADER_ELECTION_RENEW_DEADLINE, LEADER_ELECTION_RETRY_PERIOD)."
    })
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--bus",
      paramLabel = "nats|kafka://HOST:PORT",
      description = "Bus URL (default: $CARAVAN_BUS_URL; unset = in-memory bus).")
  String bus = System.getenv("CARAVAN_BUS_URL");

  @Option(
      names = "--max-in-flight",
      paramLabel = "N",
      description =
          "Events each sensor dependency processes at a time "
              + "(default: $CARAVAN_BUS_MAX_IN_FLIGHT, else 64; 1 keeps order).")
  String maxInFlight = System.getenv("CARAVAN_BUS_MAX_IN_FLIGHT");

  @Option(
      names = "--metrics-port",
      paramLabel = "N",
      defaultValue = "" + CaravanRuntime.DEFAULT_METRICS_PORT,
      description = "Port of Prometheus /metrics (default: ${DEFAULT-VALUE}; 0 = off).")
  int metricsPort;

  @Option(
      names = "--namespace",
      paramLabel = "NS",
      description =
          "Namespace label of the metrics and of calendar persistence ConfigMaps (default: $CARAVAN_NAMESPACE).")
  String namespace = System.getenv("CARAVAN_NAMESPACE");

  @Option(
      names = "--leader-lease",
      paramLabel = "NAME",
      description =
          "Lease whose holder alone runs the calendar routes, so that replicas do not fire twice "
              + "(default: $CARAVAN_LEADER_LEASE; unset = they run at once).")
  String leaderLease = System.getenv(LeaderLease.LEASE_ENV);

  @Option(
      names = "--secrets-dir",
      paramLabel = "DIR",
      description =
          "Base of mounted secrets/<name>/<key> and config/<name>/<key> (default: /argo-events).")
  Path secretsDir = MountedSecretStore.DEFAULT_BASE_DIR;

  @Parameters(
      index = "0",
      paramLabel = "ROUTES_DIR",
      description = "Directory of generated *.yaml documents.")
  Path routesDir;

  private final ForegroundRuntime foreground = new ForegroundRuntime();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<RouteDocument> documents = readDocuments(routesDir);
    if (documents.isEmpty()) {
      err.println("caravan: nothing to serve: no *.yaml in " + routesDir);
      err.flush();
      return 1;
    }
    int inFlight = 0;
    if (maxInFlight != null && !maxInFlight.isBlank()) {
      try {
        inFlight = Integer.parseInt(maxInFlight.trim());
      } catch (NumberFormatException e) {
        inFlight = -1;
      }
      if (inFlight < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--max-in-flight (or CARAVAN_BUS_MAX_IN_FLIGHT) must be a number of at least 1, not '"
                + maxInFlight
                + "'");
      }
    }
    CaravanRuntime.Builder builder =
        CaravanRuntime.builder()
            .busMaxInFlight(inFlight)
            .documents(documents)
            .busUrl(bus == null || bus.isBlank() ? null : bus)
            .metricsPort(metricsPort)
            .namespace(namespace == null ? "" : namespace)
            .secretStore(new MountedSecretStore(secretsDir))
            .leaderLease(leaderLease());
    BusEnvironment.properties(System.getenv()).forEach(builder::camelProperty);
    return foreground.run(builder.build(), out, err);
  }

  private LeaderLease leaderLease() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove(LeaderLease.LEASE_ENV);
    if (leaderLease != null) {
      env.put(LeaderLease.LEASE_ENV, leaderLease);
    }
    try {
      return LeaderLease.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  void stop() {
    foreground.stop();
  }

  CaravanRuntime runtime() {
    return foreground.runtime();
  }

  static List<RouteDocument> readDocuments(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("not a directory: " + dir);
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".yaml"))
          .filter(Files::isRegularFile)
          .sorted()
          .map(
              file -> {
                try {
                  return new RouteDocument(file.getFileName().toString(), Files.readString(file));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .filter(document -> !document.yaml().isBlank())
          .toList();
    }
  }
}
