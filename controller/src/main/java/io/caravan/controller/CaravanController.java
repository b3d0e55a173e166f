package io.caravan.controller;

import io.caravan.controller.metrics.ControllerMetrics;
import io.caravan.controller.metrics.HttpEndpoints;
import io.caravan.controller.metrics.ResourceCounts;
import io.caravan.controller.model.EventBusResource;
import io.caravan.controller.webhook.AdmissionValidator;
import io.caravan.controller.webhook.CaBundlePatcher;
import io.caravan.controller.webhook.CertificateSecret;
import io.caravan.controller.webhook.WebhookCertificates;
import io.caravan.controller.webhook.WebhookServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the controller image: {@code controller} (default) runs the operator with metrics
 * and health endpoints; {@code webhook} runs the validating admission webhook.
 */
public final class CaravanController {

  private static final Logger LOG = LoggerFactory.getLogger(CaravanController.class);

  private CaravanController() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "controller" : args[0];
    Map<String, String> env = System.getenv();
    switch (mode) {
      case "controller" -> controller(ControllerOptions.fromEnvironment(env));
      case "webhook" -> webhook(env);
      default -> {
        System.err.println("usage: caravan-controller [controller|webhook]");
        System.exit(2);
      }
    }
  }

  static void controller(ControllerOptions options) throws Exception {
    KubernetesClient client = new KubernetesClientBuilder().build();
    ControllerMetrics metrics = new ControllerMetrics();
    metrics.countResourcesWith(() -> ResourceCounts.count(client, options.namespaces()));
    Operator operator = Operators.create(client, options, metrics);
    HttpEndpoints endpoints = new HttpEndpoints();
    if (options.metricsPort() > 0) {
      endpoints.metrics(options.metricsPort(), options.metricsPath(), metrics::scrape);
    }
    if (options.healthPort() > 0) {
      endpoints.health(
          options.healthPort(), () -> operator.getRuntimeInfo().allEventSourcesAreHealthy());
    }
    endpoints.start();
    operator.installShutdownHook(Duration.ofSeconds(10));
    operator.start();
    LOG.info(
        "Caravan controller started (runtime image {}, namespaces {})",
        options.runtimeImage(),
        options.namespaces().isEmpty() ? "all" : options.namespaces());
  }

  /**
   * Env: {@code WEBHOOK_PORT} (8443), {@code WEBHOOK_CERT_DIR} (a mounted TLS Secret; when absent a
   * self-signed CA is generated once and kept in Secret {@code <service>-certs}), {@code
   * WEBHOOK_SERVICE_NAME}, {@code POD_NAMESPACE}, {@code WEBHOOK_CONFIGURATION_NAME} (the
   * ValidatingWebhookConfiguration to patch with the CA).
   */
  static void webhook(Map<String, String> env) throws Exception {
    int port = Integer.parseInt(env.getOrDefault("WEBHOOK_PORT", "8443"));
    String service = env.getOrDefault("WEBHOOK_SERVICE_NAME", "caravan-webhook");
    String namespace = env.getOrDefault("POD_NAMESPACE", "default");
    Path certDir = Path.of(env.getOrDefault("WEBHOOK_CERT_DIR", "/etc/caravan/webhook-certs"));
    List<String> dnsNames =
        List.of(
            service + "." + namespace + ".svc",
            service + "." + namespace + ".svc.cluster.local",
            service + "." + namespace,
            service);
    KubernetesClient client = new KubernetesClientBuilder().build();
    WebhookCertificates certificates =
        Files.exists(certDir.resolve("tls.crt"))
            ? WebhookCertificates.load(certDir)
            : new CertificateSecret(client)
                .loadOrCreate(
                    namespace,
                    service + "-certs",
                    dnsNames,
                    Path.of(System.getProperty("java.io.tmpdir"), "webhook-certs"));
    AdmissionValidator validator =
        new AdmissionValidator(
            (ns, bus) ->
                client.resources(EventBusResource.class).inNamespace(ns).withName(bus).get()
                    != null);
    WebhookServer server = new WebhookServer(port, certificates, validator).start();
    int metricsPort = Integer.parseInt(env.getOrDefault("METRICS_PORT", "7777"));
    if (metricsPort > 0) {
      new HttpEndpoints()
          .metrics(metricsPort, env.getOrDefault("METRICS_PATH", "/metrics"), server::scrape)
          .start();
    }
    String configuration = env.getOrDefault("WEBHOOK_CONFIGURATION_NAME", "caravan-webhook");
    if (!new CaBundlePatcher(client).patch(configuration, certificates.caBundle())) {
      LOG.warn("ValidatingWebhookConfiguration {} not found: caBundle not set", configuration);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
  }
}
