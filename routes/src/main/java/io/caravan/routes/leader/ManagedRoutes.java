package io.caravan.routes.leader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.RouteController;

/**
 * The routes only the leader runs, in the order they were created: each route with the {@code
 * eventSourceLeader} policy and, when its input is a Kamelet source ({@code
 * kamelet:calendar-source}), the route the Kamelet created, which holds the real consumer. Started
 * route first, then its Kamelet's (so the Kamelet has somewhere to send); stopped the other way
 * round, in reverse order.
 */
final class ManagedRoutes {
  private record Managed(String routeId, String kameletRouteId) {}

  private final List<Managed> managed = new CopyOnWriteArrayList<>();
  private final Set<String> kameletRouteIds = ConcurrentHashMap.newKeySet();

  void add(String routeId, String kameletRouteId) {
    managed.add(new Managed(routeId, kameletRouteId));
    if (kameletRouteId != null) {
      kameletRouteIds.add(kameletRouteId);
    }
  }

  boolean isKameletRoute(String routeId) {
    return routeId != null && kameletRouteIds.contains(routeId);
  }

  int size() {
    return managed.size();
  }

  /** Every managed route id, Kamelet routes included, in start order. */
  List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (Managed route : managed) {
      ids.add(route.routeId());
      if (route.kameletRouteId() != null) {
        ids.add(route.kameletRouteId());
      }
    }
    return ids;
  }

  void start(CamelContext camel) throws Exception {
    RouteController controller = camel.getRouteController();
    for (String id : ids()) {
      if (camel.getRoute(id) != null) {
        controller.startRoute(id);
      }
    }
  }

  void stop(CamelContext camel) throws Exception {
    RouteController controller = camel.getRouteController();
    List<String> ids = ids();
    Collections.reverse(ids);
    for (String id : ids) {
      if (running(controller.getRouteStatus(id))) {
        controller.stopRoute(id);
      }
    }
  }

  /** True when no managed route runs (or none exists any more). */
  boolean allStopped(CamelContext camel) {
    for (String id : ids()) {
      if (running(camel.getRouteController().getRouteStatus(id))) {
        return false;
      }
    }
    return true;
  }

  private static boolean running(ServiceStatus status) {
    return status != null && (status.isStoppable() || status.isStarting() || status.isSuspending());
  }
}
