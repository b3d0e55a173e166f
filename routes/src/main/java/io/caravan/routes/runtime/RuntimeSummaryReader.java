package io.caravan.routes.runtime;

import io.caravan.routes.runtime.RuntimeSummary.Calendar;
import io.caravan.routes.runtime.RuntimeSummary.RouteInfo;
import io.caravan.routes.runtime.RuntimeSummary.Trigger;
import io.caravan.routes.runtime.RuntimeSummary.Webhook;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private RuntimeSummaryReader() {}

  static RuntimeSummary read(CamelContext context, String bus, String metricsUrl, Duration startupTime) {
    List<Route> routes = new ArrayList<>(context.getRoutes());
    routes.removeIf(route -> route.isCreatedByKamelet() || route.isCreatedByRouteTemplate());
    routes.sort(Comparator.comparing(Route::getRouteId));

    List<RouteInfo> infos = new ArrayList<>();
    List<Webhook> webhooks = new ArrayList<>();
    List<Calendar> calendars = new ArrayList<>();
    Map<String, List<String>> dependenciesByTriggerRoute = new LinkedHashMap<>();
    List<Route> triggerRoutes = new ArrayList<>();
    for (Route route : routes) {
      String uri = route.getEndpoint().getEndpointUri();
      infos.add(new RouteInfo(route.getRouteId(), uri, route.getDescription()));
      if (route.getEndpoint() instanceof KameletEndpoint kamelet) {
        Map<String, Object> params = kamelet.getKameletProperties();
        switch (kamelet.getTemplateId()) {
          case "webhook-source" -> webhooks.add(webhook(route.getRouteId(), params));
          case "calendar-source" -> calendars.add(calendar(route.getRouteId(), params));
          default -> {}
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
        List.copyOf(webhooks),
        List.copyOf(calendars),
        List.copyOf(triggers),
        bus,
        metricsUrl,
        startupTime);
  }

  private static Webhook webhook(String routeId, Map<String, Object> params) {
    String host = string(params.get("host"));
    if (host == null || host.isBlank() || host.equals("0.0.0.0")) {
      host = "localhost";
    }
    String scheme = params.get("serverCertSecret") != null ? "https" : "http";
    String endpoint = string(params.get("endpoint"));
    if (endpoint == null) {
      endpoint = "/";
    } else if (!endpoint.startsWith("/")) {
      endpoint = "/" + endpoint;
    }
    String method = string(params.get("method"));
    String url = scheme + "://" + host + ":" + string(params.get("port")) + endpoint;
    return new Webhook(routeId, method == null ? "POST" : method, url);
  }

  private static Calendar calendar(String routeId, Map<String, Object> params) {
    return new Calendar(
        routeId,
        string(params.get("schedule")),
        string(params.get("interval")),
        string(params.get("timezone")));
  }

  private static Trigger trigger(CamelContext context, Route route, Map<String, List<String>> dependencies) {
    String triggerRouteId = path(route.getEndpoint().getEndpointUri());
    // Sensor and trigger names come from the dependency routes (names may contain dots).
    String sensor = null;
    String trigger = null;
    for (Route candidate : context.getRoutes()) {
      String uri = candidate.getEndpoint().getEndpointUri();
      if (scheme(uri).equals("eventbus")) {
        Map<String, Object> params = query(uri);
        if (triggerRouteId.equals("sensor." + params.get("sensorName") + "." + params.get("triggerName"))) {
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
      // The sink is on the trigger's action route, action.<sensor>.<trigger> (docs/generated-routes.md).
      RouteDefinition action = model.getRouteDefinition(
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
