package io.caravan.routes.source.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.EventMetadata;
import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One webhook path on one port, with the options of an Argo webhook event (inventory §1.5.1). */
public class WebhookEndpoint extends DefaultEndpoint {
  public static final int DEFAULT_MAX_PAYLOAD_SIZE = 1_048_576;

  private final int port;
  private final String path;
  private String method = "POST";
  private long maxPayloadSize = DEFAULT_MAX_PAYLOAD_SIZE;
  private String authSecret;
  private String serverCertSecret;
  private String serverKeySecret;
  private String metadata;
  private String host = "0.0.0.0";
  private ObjectNode metadataNode;
  private String provider;
  private Map<String, String> providerOptions = Map.of();

  WebhookEndpoint(String uri, WebhookComponent component, int port, String path) {
    super(uri, component);
    this.port = port;
    this.path = path;
  }

  @Override
  public WebhookComponent getComponent() {
    return (WebhookComponent) super.getComponent();
  }

  @Override
  public Producer createProducer() {
    throw new UnsupportedOperationException(
        "argo-webhook endpoints only consume: " + getEndpointUri());
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    WebhookConsumer consumer = new WebhookConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  @Override
  protected void doInit() throws Exception {
    super.doInit();
    if (maxPayloadSize <= 0) {
      throw new IllegalArgumentException(
          "argo-webhook " + path + ": maxPayloadSize must be positive, got " + maxPayloadSize);
    }
    if ((serverCertSecret == null) != (serverKeySecret == null)) {
      throw new IllegalArgumentException(
          "argo-webhook " + path + ": serverCertSecret and serverKeySecret must be set together");
    }
    if (WebhookServer.HEALTH_PATH.equals(path)) {
      throw new IllegalArgumentException(
          "argo-webhook port " + port + ": path " + path + " is reserved for health checks");
    }
    checkRef("authSecret", authSecret);
    checkRef("serverCertSecret", serverCertSecret);
    checkRef("serverKeySecret", serverKeySecret);
    metadataNode = EventMetadata.parse(metadata, "argo-webhook " + path);
    if (provider == null && !providerOptions.isEmpty()) {
      throw new IllegalArgumentException(
          "argo-webhook "
              + path
              + ": provider."
              + providerOptions.keySet().iterator().next()
              + " is set but no provider is named");
    }
  }

  private void checkRef(String option, String ref) {
    if (ref != null) {
      int slash = ref.indexOf('/');
      if (slash <= 0 || slash == ref.length() - 1 || ref.indexOf('/', slash + 1) >= 0) {
        throw new IllegalArgumentException(
            "argo-webhook "
                + path
                + ": "
                + option
                + " must be a secret reference 'name/key', got '"
                + ref
                + "'");
      }
    }
  }

  public int getPort() {
    return port;
  }

  public String getPath() {
    return path;
  }

  public String getMethod() {
    return method;
  }

  /** The HTTP method the endpoint accepts; default {@code POST}. */
  public void setMethod(String method) {
    this.method = method;
  }

  public long getMaxPayloadSize() {
    return maxPayloadSize;
  }

  /** Largest accepted request body in bytes (non-form POST); default 1048576. */
  public void setMaxPayloadSize(long maxPayloadSize) {
    this.maxPayloadSize = maxPayloadSize;
  }

  public String getAuthSecret() {
    return authSecret;
  }

  /** Secret reference {@code name/key} holding the bearer token requests must present. */
  public void setAuthSecret(String authSecret) {
    this.authSecret = blankToNull(authSecret);
  }

  public String getServerCertSecret() {
    return serverCertSecret;
  }

  /** Secret reference {@code name/key} holding the PEM server certificate (with the key: HTTPS). */
  public void setServerCertSecret(String serverCertSecret) {
    this.serverCertSecret = blankToNull(serverCertSecret);
  }

  public String getServerKeySecret() {
    return serverKeySecret;
  }

  /** Secret reference {@code name/key} holding the PEM private key of the server certificate. */
  public void setServerKeySecret(String serverKeySecret) {
    this.serverKeySecret = blankToNull(serverKeySecret);
  }

  public String getMetadata() {
    return metadata;
  }

  /** JSON object text copied into every event's {@code metadata}. */
  public void setMetadata(String metadata) {
    this.metadata = metadata;
  }

  ObjectNode metadataNode() {
    return metadataNode;
  }

  public String getHost() {
    return host;
  }

  /** Bind address; default {@code 0.0.0.0}. */
  public void setHost(String host) {
    this.host = host == null || host.isBlank() ? "0.0.0.0" : host;
  }

  public String getProvider() {
    return provider;
  }

  /**
   * The {@link WebhookProvider} serving this path (e.g. {@code github}); unset for a plain Argo
   * webhook.
   */
  public void setProvider(String provider) {
    this.provider = blankToNull(provider);
  }

  /** The provider's settings: the URI's {@code provider.<option>} parameters, by option. */
  Map<String, String> providerOptions() {
    return providerOptions;
  }

  void providerOptions(Map<String, String> options) {
    this.providerOptions = Map.copyOf(options);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
