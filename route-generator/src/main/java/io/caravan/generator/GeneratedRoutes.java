package io.caravan.generator;

import java.util.List;

/**
 * The result of compiling one manifest: the Camel YAML DSL document ({@code yaml}, empty when the
 * manifest produces no routes, e.g. an EventBus) and what was found on the way.
 */
public record GeneratedRoutes(String yaml, List<Diagnostic> diagnostics) {

  public GeneratedRoutes {
    diagnostics = List.copyOf(diagnostics);
  }

  public static GeneratedRoutes none() {
    return new GeneratedRoutes("", List.of());
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
