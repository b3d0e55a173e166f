package io.caravan.cli;

import io.caravan.api.Manifest;
import io.caravan.api.eventbus.EventBus;
import io.caravan.routes.runtime.CaravanRuntime;
import io.caravan.routes.runtime.RouteDocument;
import io.caravan.routes.source.calendar.CalendarComponent;
import io.caravan.routes.support.secrets.MapSecretStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caravan run}: generates routes for every EventSource and Sensor found, resolves
 * Secret/ConfigMap references from manifests in the same paths, runs them until Ctrl-C / SIGTERM.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the EventSources and Sensors found in the given files and directories (Ctrl-C stops).",
      "Secret and ConfigMap manifests among them provide the values their references need.",
      "Refuses to start when a manifest has errors (see 'caravan validate')."
    })
final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--bus",
      paramLabel = "nats|kafka://HOST:PORT",
      description =
          "NATS JetStream or Kafka broker(s) joining sources to sensors (default: an in-memory"
              + " bus; kafka://HOST:PORT[?topic=T], see docs/kafka-bus.md).")
  String bus;

  @Option(
      names = "--max-in-flight",
      paramLabel = "N",
      description =
          "Events each sensor dependency processes at a time (default: 64; 1 keeps order).")
  int maxInFlight;

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
          "Namespace label of the metrics (default: the manifests' namespace when they agree).")
  String namespace;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = {
        "Directory standing in for the ConfigMaps of calendar persistence (one DIR/<configMap>.json each)",
        "and of resource-source progress, so catch-up works across runs (default: kept in memory while running)."
      })
  Path stateDir;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "Manifest files or directories.")
  List<Path> inputs;

  private final ForegroundRuntime foreground = new ForegroundRuntime();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (metricsPort < 0 || metricsPort > 65535) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--metrics-port must be 0..65535");
    }
    if (maxInFlight < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--max-in-flight must be at least 1");
    }
    ManifestSet set = ManifestSet.read(inputs);
    MapSecretStore secrets = new MapSecretStore();
    List<Problem> problems = new ArrayList<>(set.problems());
    SecretManifests.load(set.manifests(), secrets, problems);
    problems.forEach(problem -> err.println(problem.format()));
    long errors = problems.stream().filter(Problem::error).count();
    if (errors > 0) {
      err.println("caravan: not started: " + errors + " error(s) in the manifests");
      err.flush();
      return 1;
    }
    List<RouteDocument> documents = new ArrayList<>();
    for (ManifestSet.Compiled compiled : set.compiled()) {
      if (!compiled.yaml().isEmpty()) {
        documents.add(new RouteDocument(compiled.documentName(), compiled.yaml()));
      } else if (compiled.resource() instanceof EventBus && bus == null) {
        err.println(
            Problem.file(compiled.manifest())
                + ": "
                + Problem.subject(compiled.manifest())
                + ": note: running on the in-memory bus (use --bus nats://HOST:PORT for JetStream)");
      }
    }
    if (documents.isEmpty()) {
      err.println("caravan: nothing to run: no EventSource or Sensor found");
      err.flush();
      return 1;
    }
    CaravanRuntime runtime =
        CaravanRuntime.builder()
            .documents(documents)
            .busUrl(bus)
            .busMaxInFlight(maxInFlight)
            .metricsPort(metricsPort)
            .namespace(namespace != null ? namespace : commonNamespace(set.manifests()))
            .secretStore(secrets)
            .camelProperty(
                "camel.component.argo-calendar.store",
                stateDir == null
                    ? CalendarComponent.STORE_MEMORY
                    : CalendarComponent.STORE_DIRECTORY_PREFIX + stateDir.toAbsolutePath())
            .camelProperty(
                "camel.component.argo-resource.store",
                bus != null
                    ? "bus"
                    : stateDir == null ? "memory" : "dir:" + stateDir.toAbsolutePath())
            .build();
    return foreground.run(runtime, out, err);
  }

  /** Stops a running {@code run} (what Ctrl-C does), for tests and embedding. */
  void stop() {
    foreground.stop();
  }

  /** The runtime once started, else null. */
  CaravanRuntime runtime() {
    return foreground.runtime();
  }

  private static String commonNamespace(List<Manifest> manifests) {
    List<String> namespaces =
        manifests.stream()
            .filter(Manifest::isArgoEvents)
            .map(Manifest::namespace)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    return namespaces.size() == 1 ? namespaces.get(0) : "";
  }
}
