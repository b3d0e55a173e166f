package io.caravan.routes.support.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The Vert.x instance that HTTP servers and clients (webhook sources; http, slack, argoCD sinks)
 * share in one CamelContext: the registry's {@value #BEAN} bean when there is one, else one created
 * on first use (2 event loops) and closed when the context stops.
 */
public final class SharedVertx {
  /** The registry name of a Vert.x instance given to the runtime. */
  public static final String BEAN = "vertx";

  static final String OWN_BEAN = "caravan.trigger.vertx";

  private SharedVertx() {}

  public static Vertx of(CamelContext context) {
    Vertx shared = context.getRegistry().lookupByNameAndType(BEAN, Vertx.class);
    if (shared != null) {
      return shared;
    }
    synchronized (context) {
      Vertx own = context.getRegistry().lookupByNameAndType(OWN_BEAN, Vertx.class);
      if (own == null) {
        own = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        context.getRegistry().bind(OWN_BEAN, Vertx.class, own);
        try {
          context.addService(new Closer(own, context), true, true);
        } catch (Exception e) {
          own.close();
          throw new IllegalStateException("cannot register the trigger Vert.x instance", e);
        }
      }
      return own;
    }
  }

  /** Closes the context's own Vert.x when the context stops. */
  private static final class Closer extends ServiceSupport {
    private final Vertx vertx;
    private final CamelContext context;

    Closer(Vertx vertx, CamelContext context) {
      this.vertx = vertx;
      this.context = context;
    }

    @Override
    protected void doStop() throws Exception {
      context.getRegistry().unbind(OWN_BEAN);
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
