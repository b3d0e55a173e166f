package io.caravan.controller.common;

import io.caravan.api.ArgoResource;
import io.caravan.api.Manifest;
import io.caravan.api.ManifestReader;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.GeneratedRoutes;
import io.caravan.generator.ManifestValidator;
import io.caravan.generator.RouteGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a watched object with {@code api}'s reader, validates it with {@link ManifestValidator}
 * (the same checks as {@code caravan validate} and the admission webhook) and, when it is valid,
 * generates its routes. Pure apart from logging; never throws for bad input.
 */
public final class RouteCompiler {

  private final ManifestValidator validator = new ManifestValidator();
  private final RouteGenerator generator = new RouteGenerator();

  /** The outcome: the typed resource (null when unreadable), routes YAML and findings. */
  public record Result(ArgoResource resource, String yaml, List<Diagnostic> diagnostics) {

    public List<Diagnostic> errors() {
      return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public boolean ok() {
      return errors().isEmpty();
    }

    /**
     * {@code path: message; path: message} of the errors whose path starts with one of {@code
     * prefixes}.
     */
    public String errorMessage(List<String> prefixes) {
      return errors().stream()
          .filter(
              d ->
                  prefixes.isEmpty()
                      || (d.path() != null && prefixes.stream().anyMatch(d.path()::startsWith)))
          .map(RouteCompiler::describe)
          .collect(Collectors.joining("; "));
    }
  }

  /** Reads, validates and (when valid) generates routes for {@code object}. */
  public Result compile(HasMetadata object) {
    Manifest manifest = read(object);
    return compile(manifest);
  }

  /** Same for a document already read. */
  public Result compile(Manifest manifest) {
    List<Diagnostic> found = new ArrayList<>(validator.validate(manifest));
    if (manifest.resource() == null) {
      if (found.isEmpty()) {
        found.add(
            Diagnostic.error(
                "", manifest.hasError() ? manifest.error() : "not an Argo Events resource"));
      }
      return new Result(null, "", found);
    }
    if (found.stream().anyMatch(Diagnostic::isError)) {
      return new Result(manifest.resource(), "", found);
    }
    GeneratedRoutes routes = generator.generate(manifest.resource());
    found.addAll(routes.diagnostics());
    return new Result(manifest.resource(), routes.yaml(), found);
  }

  /** The object as {@code api} reads it (the same JSON the API server stores). */
  public static Manifest read(HasMetadata object) {
    List<Manifest> documents = ManifestReader.parse(Serialization.asJson(object));
    return documents.isEmpty()
        ? new Manifest(null, 0, null, null, null, null, null, null, "empty object")
        : documents.get(0);
  }

  static String describe(Diagnostic d) {
    return d.path() == null || d.path().isEmpty() ? d.message() : d.path() + ": " + d.message();
  }
}
