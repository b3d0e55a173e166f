package io.caravan.routes.runtime;

import io.caravan.routes.leader.LeaderLease;
import io.caravan.routes.leader.LeaderRoutePolicy;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.support.secrets.MountedSecretStore;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.trigger.TriggerMetricsPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ManagementMBeansLevel;
import org.apache.camel.ManagementStatisticsLevel;
import org.apache.camel.StartupSummaryLevel;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.DefaultRegistry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs generated Camel YAML documents in Camel Main: Kamelets from {@code classpath:kamelets}, the
 * {@link IdentifierPlaceholderParser}, the {@code eventbus} component on the configured bus, beans
 * {@code secretStore}, {@code argoMetrics}, {@code triggerMetrics}, {@code eventSourceLeader}
 * (leader election for active-passive sources when a Lease is given) and {@code kubernetesClient}
 * when given, Prometheus metrics (Argo's, Camel's routes', the JVM's) at {@code
 * :<metricsPort>/metrics}, no JMX ({@code camel.main.jmxEnabled=true} turns it on), and a 10 s
 * graceful shutdown.
 */
public final class CaravanRuntime implements AutoCloseable {
  public static final int DEFAULT_METRICS_PORT = 7777;
  public static final int SHUTDOWN_TIMEOUT_SECONDS = 10;
  public static final String KUBERNETES_CLIENT_BEAN = "kubernetesClient";

  /**
   * Route policy bean named by the generated trigger routes ({@code routePolicy: triggerMetrics}).
   */
  public static final String TRIGGER_METRICS_BEAN = "triggerMetrics";

  /**
   * Route policy bean named by the generated calendar routes ({@code routePolicy:
   * eventSourceLeader}).
   */
  public static final String EVENTSOURCE_LEADER_BEAN = LeaderRoutePolicy.BEAN_NAME;

  private static final Logger LOG = LoggerFactory.getLogger(CaravanRuntime.class);

  private final Options options;
  private Main main;
  private MetricsServer metricsServer;
  private PrometheusMeterRegistry meterRegistry;
  private ArgoMetrics argoMetrics;
  private Duration startupTime;

  public CaravanRuntime(Options options) {
    this.options = options;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Options options() {
    return options;
  }

  /**
   * Starts metrics, then Camel with every document's routes; returns when all routes are started.
   */
  public synchronized void start() throws Exception {
    if (main != null) {
      throw new IllegalStateException("already started");
    }
    long begin = System.nanoTime();
    meterRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    bindStandardMeters(meterRegistry);
    argoMetrics = new ArgoMetrics(meterRegistry, options.namespace());
    try {
      if (options.metricsPort() > 0) {
        metricsServer = MetricsServer.start("0.0.0.0", options.metricsPort(), meterRegistry);
      }
      main = createMain();
      main.start();
      startupTime = Duration.ofNanos(System.nanoTime() - begin);
      LOG.info(
          "Caravan started {} route(s) from {} document(s) in {} ms",
          routeCount(),
          options.documents().size(),
          startupTime.toMillis());
    } catch (Exception | Error e) {
      stop();
      throw e;
    }
  }

  /**
   * Stops Camel (graceful, at most {@value #SHUTDOWN_TIMEOUT_SECONDS} s) and the metrics server.
   */
  public synchronized void stop() {
    if (main != null) {
      try {
        main.stop();
        LOG.info("Caravan stopped");
      } catch (Exception e) {
        LOG.warn("Error while stopping Camel: {}", e.toString());
      }
      main = null;
    }
    if (metricsServer != null) {
      metricsServer.close();
      metricsServer = null;
    }
    if (meterRegistry != null) {
      meterRegistry.close();
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** The running CamelContext, or {@code null} before start / after stop. */
  public synchronized CamelContext camelContext() {
    return main == null ? null : main.getCamelContext();
  }

  public synchronized PrometheusMeterRegistry meterRegistry() {
    return meterRegistry;
  }

  public synchronized ArgoMetrics argoMetrics() {
    return argoMetrics;
  }

  /** Time from {@link #start()} until every route was started, or {@code null} before that. */
  public synchronized Duration startupTime() {
    return startupTime;
  }

  /** The bound metrics port, or 0 when metrics are off. */
  public synchronized int metricsPort() {
    return metricsServer == null ? 0 : metricsServer.port();
  }

  /** What runs: routes, webhook URLs, calendar schedules, sensors and their triggers. */
  public synchronized RuntimeSummary summary() {
    CamelContext context = camelContext();
    if (context == null) {
      throw new IllegalStateException("not started");
    }
    String bus =
        options.busUrl() == null ? "in-memory" : options.busUrl().replaceAll("//[^@/,]*@", "//");
    String metricsUrl =
        metricsServer == null
            ? null
            : "http://localhost:" + metricsServer.port() + MetricsServer.PATH;
    return RuntimeSummaryReader.read(context, bus, metricsUrl, startupTime);
  }

  private int routeCount() {
    CamelContext context = main.getCamelContext();
    return (int) context.getRoutes().stream().filter(r -> !r.isCreatedByKamelet()).count();
  }

  private Main createMain() {
    Main camelMain = new PlaceholderSafeMain();
    var config = camelMain.configure();
    config.setName("caravan");
    // No JMX by default: its MBean metadata was ~330 MiB of heap for 1,000 sensors even at the
    // routes-only
    // level (docs/performance.md, density), and nothing in Caravan reads it (metrics are
    // Micrometer's).
    // camel.main.jmxEnabled=true turns it back on, at the routes-only level.
    config.setJmxEnabled(false);
    config.setJmxManagementMBeansLevel(ManagementMBeansLevel.RoutesOnly);
    config.setJmxManagementStatisticsLevel(ManagementStatisticsLevel.RoutesOnly);
    config.setJmxManagementRegisterRoutesCreateByKamelet(false);
    config.setShutdownTimeout(SHUTDOWN_TIMEOUT_SECONDS);
    config.setShutdownSuppressLoggingOnTimeout(false);
    config.setShutdownLogInflightExchangesOnTimeout(true);
    config.setRoutesCollectorEnabled(false);
    config.setStartupSummaryLevel(StartupSummaryLevel.Brief);
    camelMain.addInitialProperty("camel.component.kamelet.location", "classpath:kamelets");
    if (options.busUrl() != null) {
      camelMain.addInitialProperty("camel.component.eventbus.url", options.busUrl());
    }
    if (options.busMaxInFlight() > 0) {
      camelMain.addInitialProperty(
          "camel.component.eventbus.maxInFlight", String.valueOf(options.busMaxInFlight()));
    }
    if (!options.namespace().isBlank()) {
      // where calendar persistence keeps its ConfigMaps: the EventSource's namespace
      camelMain.addInitialProperty("camel.component.argo-calendar.namespace", options.namespace());
    }
    options.camelProperties().forEach(camelMain::addInitialProperty);

    camelMain.bind(SecretStore.BEAN_NAME, options.secretStore());
    camelMain.bind(ArgoMetrics.BEAN_NAME, argoMetrics);
    camelMain.bind(MicrometerConstants.METRICS_REGISTRY_NAME, meterRegistry);
    camelMain.bind(TRIGGER_METRICS_BEAN, new TriggerMetricsPolicy(argoMetrics));
    camelMain.bind(
        EVENTSOURCE_LEADER_BEAN, new LeaderRoutePolicy(options.leaderLease(), options.namespace()));
    if (options.kubernetesClient() != null) {
      camelMain.bind(KUBERNETES_CLIENT_BEAN, options.kubernetesClient());
    }
    camelMain.addMainListener(
        new MainListenerSupport() {
          @Override
          public void afterConfigure(BaseMainSupport support) {
            CamelContext context = support.getCamelContext();
            MicrometerRoutePolicyFactory routeMetrics = new MicrometerRoutePolicyFactory();
            routeMetrics.setMeterRegistry(meterRegistry);
            context.addRoutePolicyFactory(routeMetrics);
            loadDocuments(context);
          }
        });
    return camelMain;
  }

  private void loadDocuments(CamelContext context) {
    List<Resource> resources = new ArrayList<>();
    for (RouteDocument document : options.documents()) {
      resources.add(ResourceHelper.fromString(document.resourceName(), document.yaml()));
    }
    try {
      PluginHelper.getRoutesLoader(context).loadRoutes(resources);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot load generated routes: " + e.getMessage(), e);
    }
  }

  private static void bindStandardMeters(PrometheusMeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    String version = CaravanRuntime.class.getPackage().getImplementationVersion();
    Gauge.builder("build_info", () -> 1)
        .description("Caravan build information")
        .tags(
            "version",
            version == null ? "dev" : version,
            "javaversion",
            Runtime.version().toString())
        .register(registry);
  }

  /**
   * Camel Main whose CamelContext uses the {@link IdentifierPlaceholderParser} and resolves the
   * {@link RouteContract}'s bean types from the start.
   */
  private static final class PlaceholderSafeMain extends Main {
    @Override
    protected CamelContext createCamelContext() {
      CamelContext context = super.createCamelContext();
      installPlaceholderParser(context);
      RouteContract.install(context);
      if (context.getRegistry() instanceof DefaultRegistry registry
          && registry.getFallbackRegistry() != null
          && !(registry.getFallbackRegistry() instanceof TypeIndexedRegistry)) {
        registry.setFallbackRegistry(new TypeIndexedRegistry(registry.getFallbackRegistry()));
      }
      return context;
    }
  }

  /**
   * Installs the {@link IdentifierPlaceholderParser} into a CamelContext's properties component.
   */
  public static void installPlaceholderParser(CamelContext context) {
    PropertiesComponent properties = (PropertiesComponent) context.getPropertiesComponent();
    properties.setPropertiesParser(new IdentifierPlaceholderParser(properties));
  }

  /**
   * What a runtime runs and how.
   *
   * @param documents the generated YAML documents
   * @param busUrl {@code nats://host:port}, or {@code null} for the in-memory bus
   * @param metricsPort Prometheus port ({@value CaravanRuntime#DEFAULT_METRICS_PORT} by default; 0
   *     = off)
   * @param namespace the {@code namespace} label of Argo's metrics, and where calendar persistence
   *     keeps its ConfigMaps
   * @param secretStore where Secret/ConfigMap references resolve
   * @param kubernetesClient bound as {@code kubernetesClient} when not null
   * @param camelProperties extra Camel Main properties ({@code camel.*}), for tuning and tests
   * @param busMaxInFlight events one sensor dependency consumer processes at a time (also its
   *     JetStream {@code maxAckPending}); 0 = the bus component's default
   * @param leaderLease the Lease whose holder alone runs the {@code eventSourceLeader} routes; null
   *     = no election
   */
  public record Options(
      List<RouteDocument> documents,
      String busUrl,
      int metricsPort,
      String namespace,
      SecretStore secretStore,
      KubernetesClient kubernetesClient,
      Map<String, String> camelProperties,
      int busMaxInFlight,
      LeaderLease leaderLease) {
    public Options {
      if (busMaxInFlight < 0) {
        throw new IllegalArgumentException(
            "bus max in-flight must be at least 1 (0 = default): " + busMaxInFlight);
      }
      documents = List.copyOf(documents);
      if (metricsPort < 0 || metricsPort > 65535) {
        throw new IllegalArgumentException("metrics port must be 0..65535: " + metricsPort);
      }
      namespace = namespace == null ? "" : namespace;
      secretStore = secretStore == null ? new MountedSecretStore() : secretStore;
      camelProperties = Map.copyOf(camelProperties);
    }
  }

  /** Builds {@link Options} and the runtime. */
  public static final class Builder {
    private final List<RouteDocument> documents = new ArrayList<>();
    private final Map<String, String> camelProperties = new LinkedHashMap<>();
    private String busUrl;
    private int metricsPort = DEFAULT_METRICS_PORT;
    private String namespace = "";
    private SecretStore secretStore;
    private KubernetesClient kubernetesClient;
    private int busMaxInFlight;
    private LeaderLease leaderLease;

    public Builder document(String name, String yaml) {
      documents.add(new RouteDocument(name, yaml));
      return this;
    }

    public Builder documents(Iterable<RouteDocument> all) {
      all.forEach(documents::add);
      return this;
    }

    public Builder busUrl(String url) {
      this.busUrl = url;
      return this;
    }

    public Builder metricsPort(int port) {
      this.metricsPort = port;
      return this;
    }

    public Builder namespace(String value) {
      this.namespace = value;
      return this;
    }

    public Builder secretStore(SecretStore store) {
      this.secretStore = store;
      return this;
    }

    public Builder kubernetesClient(KubernetesClient client) {
      this.kubernetesClient = client;
      return this;
    }

    /** Events one sensor dependency consumer processes at a time; 0 = the bus default. */
    public Builder busMaxInFlight(int value) {
      this.busMaxInFlight = value;
      return this;
    }

    /**
     * The Lease to hold before the {@code eventSourceLeader} routes run; null (default) = they run
     * at once.
     */
    public Builder leaderLease(LeaderLease lease) {
      this.leaderLease = lease;
      return this;
    }

    public Builder camelProperty(String key, String value) {
      camelProperties.put(key, value);
      return this;
    }

    public Options options() {
      return new Options(
          documents,
          busUrl,
          metricsPort,
          namespace,
          secretStore,
          kubernetesClient,
          camelProperties,
          busMaxInFlight,
          leaderLease);
    }

    public CaravanRuntime build() {
      return new CaravanRuntime(options());
    }
  }
}
