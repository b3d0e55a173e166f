package io.caravan.cli;

import io.caravan.routes.runtime.RuntimeSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Prints what a started runtime listens on and runs, for people. */
final class SummaryPrinter {
  private SummaryPrinter() {}

  static void print(RuntimeSummary summary, PrintWriter out) {
    out.printf(
        "Caravan started %d route(s) in %d ms. Ctrl-C stops it.%n",
        summary.routes().size(), summary.startupTime().toMillis());
    out.println("  bus:     " + summary.bus());
    out.println("  metrics: " + (summary.metricsUrl() == null ? "off" : summary.metricsUrl()));
    Map<String, List<RuntimeSummary.Source>> byHeading = new LinkedHashMap<>();
    summary
        .sources()
        .forEach(s -> byHeading.computeIfAbsent(s.heading(), h -> new ArrayList<>()).add(s));
    byHeading.forEach(
        (heading, sources) -> {
          out.println(heading + ":");
          sources.forEach(s -> out.printf("  %s  (%s)%n", s.line(), s.routeId()));
        });
    Set<String> shown =
        summary.sources().stream().map(RuntimeSummary.Source::routeId).collect(Collectors.toSet());
    var otherSources =
        summary.routes().stream()
            .filter(r -> r.id().startsWith("eventsource.") && !shown.contains(r.id()))
            .toList();
    if (!otherSources.isEmpty()) {
      out.println("Other sources:");
      otherSources.forEach(r -> out.printf("  %s  (%s)%n", r.endpointUri(), r.id()));
    }
    if (!summary.triggers().isEmpty()) {
      out.println("Sensors:");
      for (RuntimeSummary.Trigger trigger : summary.triggers()) {
        String name =
            trigger.sensor() != null
                ? trigger.sensor() + "/" + trigger.trigger()
                : trigger.routeId();
        String from =
            trigger.dependencies().isEmpty()
                ? ""
                : " <- " + String.join(", ", trigger.dependencies());
        String to =
            trigger.sink() == null
                ? ""
                : " -> "
                    + trigger.sink()
                    + (trigger.target() == null ? "" : " " + trigger.target());
        out.printf("  %s%s%s%n", name, from, to);
      }
    }
  }
}
