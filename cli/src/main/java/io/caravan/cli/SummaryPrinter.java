package io.caravan.cli;

import io.caravan.routes.runtime.RuntimeSummary;
import java.io.PrintWriter;
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
    if (!summary.webhooks().isEmpty()) {
      out.println("Webhooks:");
      summary.webhooks().forEach(w -> out.printf("  %-6s %s  (%s)%n", w.method(), w.url(), w.routeId()));
    }
    if (!summary.calendars().isEmpty()) {
      out.println("Calendars:");
      for (RuntimeSummary.Calendar calendar : summary.calendars()) {
        String when =
            calendar.schedule() != null ? "schedule '" + calendar.schedule() + "'" : "every " + calendar.interval();
        String zone = calendar.timezone() == null ? "" : " (" + calendar.timezone() + ")";
        out.printf("  %s%s  (%s)%n", when, zone, calendar.routeId());
      }
    }
    Set<String> shown =
        summary.webhooks().stream().map(RuntimeSummary.Webhook::routeId).collect(Collectors.toSet());
    summary.calendars().forEach(c -> shown.add(c.routeId()));
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
            trigger.sensor() != null ? trigger.sensor() + "/" + trigger.trigger() : trigger.routeId();
        String from = trigger.dependencies().isEmpty() ? "" : " <- " + String.join(", ", trigger.dependencies());
        String to =
            trigger.sink() == null
                ? ""
                : " -> " + trigger.sink() + (trigger.target() == null ? "" : " " + trigger.target());
        out.printf("  %s%s%s%n", name, from, to);
      }
    }
  }
}
