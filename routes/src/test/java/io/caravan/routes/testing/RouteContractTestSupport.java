package io.caravan.routes.testing;

import io.caravan.routes.runtime.RouteContract;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Camel's test support with the route contract installed, for tests that load generated YAML or
 * Kamelets.
 */
public abstract class RouteContractTestSupport extends CamelTestSupport {
  @Override
  protected CamelContext createCamelContext() throws Exception {
    CamelContext context = super.createCamelContext();
    RouteContract.install(context);
    return context;
  }
}
