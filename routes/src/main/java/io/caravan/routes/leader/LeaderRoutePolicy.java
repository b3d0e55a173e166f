package io.caravan.routes.leader;

import io.caravan.routes.support.kubernetes.KubernetesClients;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.component.kamelet.KameletEndpoint;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;

/**
 * Route policy of the routes of active-passive EventSource types ({@code routePolicy:
 * eventSourceLeader} on the generated calendar routes): with a {@link LeaderLease} they run only on
 * the replica holding it (Argo's leader election, inventory §1.3); without one (no {@code
 * CARAVAN_LEADER_LEASE}: {@code caravan run}, tests) it does nothing and the routes start as any
 * other.
 *
 * <p>With a Lease, every route it is on, and the route its Kamelet source created (which holds the
 * real consumer: {@code argo-calendar:}), is kept from starting with Camel; a {@link
 * LeaderElection}, added to the CamelContext with the first such route, starts them when this
 * replica holds the Lease and stops them when it no longer does. The Lease is in {@code namespace}
 * (the pod's), else the Kubernetes client's namespace.
 */
public final class LeaderRoutePolicy extends RoutePolicySupport implements RoutePolicyFactory {
  /** The bean name the generated routes use. */
  public static final String BEAN_NAME = "eventSourceLeader";

  private final LeaderLease lease;
  private final String namespace;
  private final ManagedRoutes routes = new ManagedRoutes();
  private LeaderElection election;

  /** A policy that does nothing: every route starts with Camel. */
  public LeaderRoutePolicy() {
    this(null, null);
  }

  /**
   * @param lease the Lease to hold before the routes run, or null for none
   * @param namespace the Lease's namespace; null or blank = the Kubernetes client's
   */
  public LeaderRoutePolicy(LeaderLease lease, String namespace) {
    this.lease = lease;
    this.namespace = namespace == null ? "" : namespace.trim();
  }

  /** The Lease, or null when leader election is off. */
  public LeaderLease lease() {
    return lease;
  }

  @Override
  public synchronized void onInit(Route route) {
    if (lease == null) {
      return;
    }
    route.setAutoStartup(false);
    if (routes.isKameletRoute(route.getRouteId())) {
      return; // the Kamelet route of a managed route: started and stopped with it
    }
    CamelContext camel = route.getCamelContext();
    if (election == null) {
      election = election(camel);
    }
    String kameletRouteId =
        route.getEndpoint() instanceof KameletEndpoint kamelet ? kamelet.getRouteId() : null;
    routes.add(route.getRouteId(), kameletRouteId);
    Route kameletRoute = kameletRouteId == null ? null : camel.getRoute(kameletRouteId);
    if (kameletRoute != null) { // created before this route: keep it from starting too
      kameletRoute.setAutoStartup(false);
    }
  }

  private LeaderElection election(CamelContext camel) {
    // the client first: Camel stops services in reverse order, so a client built here outlives the
    // election
    KubernetesClient client = KubernetesClients.of(camel);
    String ns = namespace.isEmpty() ? client.getNamespace() : namespace;
    LeaderElection created =
        new LeaderElection(
            camel, client, ns == null || ns.isBlank() ? "default" : ns, lease, routes);
    // the routes Kamelets create later get this policy too
    camel.addRoutePolicyFactory(this);
    try {
      camel.addService(created, true, true);
      camel.addStartupListener(created);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start leader election on Lease " + lease.name(), e);
    }
    return created;
  }

  /** This policy for the routes the Kamelets of managed routes create; none for the others. */
  @Override
  public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
    return lease != null && routes.isKameletRoute(routeId) ? this : null;
  }
}
