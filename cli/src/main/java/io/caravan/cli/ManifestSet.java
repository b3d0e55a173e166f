package io.caravan.cli;

import io.caravan.api.ArgoResource;
import io.caravan.api.Manifest;
import io.caravan.api.eventbus.EventBus;
import io.caravan.api.eventsource.EventSource;
import io.caravan.api.sensor.Sensor;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.GeneratedRoutes;
import io.caravan.generator.ManifestValidator;
import io.caravan.generator.RouteGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The manifests found in the files and directories given on the command line, checked (validator
 * and generator findings, read errors, duplicate names) and compiled into route documents.
 */
final class ManifestSet {
  private static final Set<String> ARGO_KINDS =
      Set.of(EventSource.KIND, Sensor.KIND, EventBus.KIND);

  private final List<Path> inputs;
  private final List<Manifest> manifests;
  private final List<Problem> problems = new ArrayList<>();
  private final List<Compiled> compiled = new ArrayList<>();

  /** One Argo resource and the routes generated from it ({@code yaml} empty for an EventBus). */
  record Compiled(Manifest manifest, ArgoResource resource, String documentName, String yaml) {}

  private ManifestSet(List<Path> inputs, List<Manifest> manifests) {
    this.inputs = inputs;
    this.manifests = manifests;
  }

  /** Reads every input and checks and compiles each Argo resource found. */
  static ManifestSet read(List<Path> inputs) {
    ManifestSet set = new ManifestSet(inputs, ManifestFiles.readAll(inputs));
    set.check();
    return set;
  }

  List<Manifest> manifests() {
    return manifests;
  }

  /** Errors and warnings, in input order. */
  List<Problem> problems() {
    return problems;
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(Problem::error);
  }

  /** Every Argo resource read without error, with its generated routes. */
  List<Compiled> compiled() {
    return compiled;
  }

  private void check() {
    ManifestValidator validator = new ManifestValidator();
    RouteGenerator generator = new RouteGenerator();
    Map<String, Manifest> seen = new HashMap<>();
    boolean anyArgo = false;
    for (Manifest manifest : manifests) {
      if (otherArgoVersion(manifest)) {
        anyArgo = true;
        problems.add(
            Problem.error(
                manifest,
                "apiVersion",
                "unsupported apiVersion '"
                    + manifest.apiVersion()
                    + "' (Caravan reads "
                    + ArgoResource.API_VERSION
                    + ")"));
        continue;
      }
      if (!manifest.isArgoEvents()) {
        if (manifest.hasError()) {
          problems.add(Problem.error(manifest, "", manifest.error()));
        }
        continue;
      }
      anyArgo = true;
      Set<Diagnostic> diagnostics = new LinkedHashSet<>(validator.validate(manifest));
      ArgoResource resource = manifest.resource();
      GeneratedRoutes routes = null;
      if (resource != null) {
        routes = generator.generate(resource);
        diagnostics.addAll(routes.diagnostics());
        Manifest previous = seen.putIfAbsent(key(manifest), manifest);
        if (previous != null) {
          problems.add(
              Problem.error(
                  manifest,
                  "metadata.name",
                  "duplicate "
                      + manifest.kind()
                      + " '"
                      + manifest.name()
                      + "' (also in "
                      + Problem.file(previous)
                      + ")"));
        }
      }
      diagnostics.forEach(d -> problems.add(Problem.of(manifest, d)));
      if (resource != null) {
        compiled.add(new Compiled(manifest, resource, documentName(manifest), routes.yaml()));
      }
    }
    if (!anyArgo && problems.isEmpty()) {
      problems.add(
          Problem.inputError(
              String.join(" ", inputs.stream().map(Path::toString).toList()),
              "no Argo Events manifests (argoproj.io/v1alpha1 EventSource, Sensor or EventBus) found"));
    }
  }

  private static boolean otherArgoVersion(Manifest manifest) {
    return manifest.apiVersion() != null
        && manifest.apiVersion().startsWith("argoproj.io/")
        && !ArgoResource.API_VERSION.equals(manifest.apiVersion())
        && ARGO_KINDS.contains(manifest.kind());
  }

  private static String key(Manifest manifest) {
    return manifest.kind()
        + "/"
        + (manifest.namespace() == null ? "" : manifest.namespace())
        + "/"
        + manifest.name();
  }

  private static String documentName(Manifest manifest) {
    String namespace = manifest.namespace() == null ? "" : manifest.namespace() + "-";
    return manifest.kind().toLowerCase(java.util.Locale.ROOT) + "-" + namespace + manifest.name();
  }
}
