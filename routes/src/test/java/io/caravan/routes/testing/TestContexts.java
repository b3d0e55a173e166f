package io.caravan.routes.testing;

import io.caravan.routes.runtime.RouteContract;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * CamelContexts for tests, set up as the runtime sets up its own: the route contract's bean types
 * resolve.
 */
public final class TestContexts {
  private TestContexts() {}

  public static DefaultCamelContext create() {
    DefaultCamelContext context = new DefaultCamelContext();
    RouteContract.install(context);
    return context;
  }
}
