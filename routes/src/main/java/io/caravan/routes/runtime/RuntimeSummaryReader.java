package io.caravan.routes.runtime;

import io.caravan.routes.runtime.RuntimeSummary.RouteInfo;
import io.caravan.routes.runtime.RuntimeSummary.Source;
import io.caravan.routes.runtime.RuntimeSummary.Trigger;
import io.caravan.routes.source.SourceSummary;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.kamelet.KameletEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.URISupport;

/** Reads a {@link RuntimeSummary} from a started CamelContext running generated routes. */
final class RuntimeSummaryReader {
  private static final String TRIGGER_ROUTE_PREFIX = "sensor.";

  /** Each source type's summary by its Kamelet name. */
  private static final Map<String, SourceSummary> SOURCE_SUMMARIES = sourceSummaries();

  private RuntimeSummaryReader() {}

  static RuntimeSummary read(
      CamelContext context, String bus, String metricsUrl, Duration startupTime) {
    List<Route> routes = new ArrayList<>(context.getRoutes());
    routes.removeIf(route -> route.isCreatedByKamelet() || route.isCreatedByRouteTemplate());
    routes.sort(Comparator.comparing(Route::getRouteId));

    List<RouteInfo> infos = new ArrayList<>();
    List<Source> sources = new ArrayList<>();
    Map<String, List<String>> dependenciesByTriggerRoute = new LinkedHashMap<>();
    List<Route> triggerRoutes = new ArrayList<>();
    for (Route route : routes) {
      String uri = route.getEndpoint().getEndpointUri();
      infos.add(new RouteInfo(route.getRouteId(), uri, route.getDescription()));
      if (route.getEndpoint() instanceof KameletEndpoint kamelet) {
        SourceSummary summary = SOURCE_SUMMARIES.get(kamelet.getTemplateId());
        if (summary != null) {
          sources.add(
              new Source(
                  route.getRouteId(),
                  summary.heading(),
                  summary.describe(kamelet.getKameletProperties())));
        }
      } else if (scheme(uri).equals("eventbus")) {
        Map<String, Object> params = query(uri);
        String sensor = string(params.get("sensorName"));
        String trigger = string(params.get("triggerName"));
        if (sensor != null && trigger != null) {
          String dependency = string(params.get("dependencyName"));
          dependenciesByTriggerRoute
              .computeIfAbsent("sensor." + sensor + "." + trigger, k -> new ArrayList<>())
              .add(dependency + " (" + path(uri) + ")");
        }
      } else if (scheme(uri).equals("direct") && path(uri).startsWith(TRIGGER_ROUTE_PREFIX)) {
        triggerRoutes.add(route);
      }
    }
    List<Trigger> triggers = new ArrayList<>();
    for (Route route : triggerRoutes) {
      triggers.add(trigger(context, route, dependenciesByTriggerRoute));
    }
    return new RuntimeSummary(
        List.copyOf(infos),
        List.copyOf(sources),
        List.copyOf(triggers),
        bus,
        metricsUrl,
        startupTime);
  }

  private static Map<String, SourceSummary> sourceSummaries() {
    Map<String, SourceSummary> byKamelet = new LinkedHashMap<>();
    for (SourceSummary summary :
        ServiceLoader.load(SourceSummary.class, SourceSummary.class.getClassLoader())) {
      if (byKamelet.put(summary.kamelet(), summary) != null) {
        throw new IllegalStateException("two source summaries for Kamelet " + summary.kamelet());
      }
    }
    return Map.copyOf(byKamelet);
  }

  private static Trigger trigger(
      CamelContext context, Route route, Map<String, List<String>> dependencies) {
    String triggerRouteId = path(route.getEndpoint().getEndpointUri());
    // Sensor and trigger names come from the dependency routes (names may contain dots).
    String sensor = null;
    String trigger = null;
    for (Route candidate : context.getRoutes()) {
      String uri = candidate.getEndpoint().getEndpointUri();
      if (scheme(uri).equals("eventbus")) {
        Map<String, Object> params = query(uri);
        if (triggerRouteId.equals(
            "sensor." + params.get("sensorName") + "." + params.get("triggerName"))) {
          sensor = string(params.get("sensorName"));
          trigger = string(params.get("triggerName"));
          break;
        }
      }
    }
    String sink = null;
    String target = null;
    ModelCamelContext model = (ModelCamelContext) context;
    RouteDefinition definition = model.getRouteDefinition(route.getRouteId());
    ToDefinition to = definition == null ? null : lastKameletTo(definition.getOutputs());
    if (to == null) {
      // The sink is on the trigger's action route, action.<sensor>.<trigger>
      // (docs/generated-routes.md).
      RouteDefinition action =
          model.getRouteDefinition(
              "action." + triggerRouteId.substring(TRIGGER_ROUTE_PREFIX.length()));
      to = action == null ? null : lastKameletTo(action.getOutputs());
    }
    if (to != null) {
      String uri = to.getEndpointUri();
      String rest = uri.substring("kamelet:".length());
      sink = StringHelper.before(rest, "?", rest);
      Map<String, Object> params = query(uri);
      if (params.get("url") != null) {
        String method = string(params.get("method"));
        target = (method == null ? "" : method + " ") + params.get("url");
      } else if (params.get("operation") != null) {
        target = params.get("operation") + " Kubernetes resource";
      }
    }
    return new Trigger(
        route.getRouteId(),
        sensor,
        trigger,
        List.copyOf(dependencies.getOrDefault(triggerRouteId, List.of())),
        sink,
        target,
        route.getDescription());
  }

  private static ToDefinition lastKameletTo(List<ProcessorDefinition<?>> outputs) {
    ToDefinition found = null;
    for (ProcessorDefinition<?> output : outputs) {
      if (output instanceof ToDefinition to
          && to.getEndpointUri() != null
          && to.getEndpointUri().startsWith("kamelet:")) {
        found = to;
      }
      ToDefinition nested = lastKameletTo(output.getOutputs());
      if (nested != null) {
        found = nested;
      }
    }
    return found;
  }

  /** {@code direct} for {@code direct:x} and {@code direct://x}. */
  private static String scheme(String uri) {
    int colon = uri.indexOf(':');
    return colon < 0 ? "" : uri.substring(0, colon);
  }

  /** {@code x/y} for {@code s:x/y?a=b} and {@code s://x/y?a=b}. */
  private static String path(String uri) {
    String rest = uri.substring(uri.indexOf(':') + 1).replaceFirst("^//", "");
    return StringHelper.before(rest, "?", rest);
  }

  private static Map<String, Object> query(String uri) {
    String query = StringHelper.after(uri, "?");
    if (query == null) {
      return Map.of();
    }
    try {
      return URISupport.parseQuery(query);
    } catch (URISyntaxException e) {
      return Map.of();
    }
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }
}
