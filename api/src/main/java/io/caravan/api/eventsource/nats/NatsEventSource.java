package io.caravan.api.eventsource.nats;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;
import io.caravan.api.eventsource.EventSourceFilter;
import io.caravan.api.sensor.Backoff;
import java.util.Map;

/** One {@code spec.nats.<eventName>} entry: a core NATS subscription (inventory §1.5.5). */
public class NatsEventSource extends ArgoObject {

  private String url;
  private String subject;
  private String queue;
  private Backoff connectionBackoff;
  private Boolean jsonBody;
  private Map<String, String> metadata;
  private NatsAuth auth;
  private JsonNode tls;
  private EventSourceFilter filter;
  private NatsJetStream jetStream;

  /** The NATS server URL, e.g. {@code nats://nats.example:4222}. */
  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  /** The subject to subscribe to (wildcards allowed). */
  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  /** A queue group to subscribe in; null for a plain subscription. */
  public String getQueue() {
    return queue;
  }

  public void setQueue(String queue) {
    this.queue = queue;
  }

  /** Retries of the connection. */
  public Backoff getConnectionBackoff() {
    return connectionBackoff;
  }

  public void setConnectionBackoff(Backoff connectionBackoff) {
    this.connectionBackoff = connectionBackoff;
  }

  /** True: the payload is JSON and is embedded as is; false (default): as a base64 string. */
  public Boolean getJsonBody() {
    return jsonBody;
  }

  public void setJsonBody(Boolean jsonBody) {
    this.jsonBody = jsonBody;
  }

  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }

  public NatsAuth getAuth() {
    return auth;
  }

  public void setAuth(NatsAuth auth) {
    this.auth = auth;
  }

  /**
   * Argo's TLSConfig ({@code caCertSecret}, {@code clientCertSecret}, {@code clientKeySecret},
   * {@code insecureSkipVerify}), checked by the generator's TLS rules.
   */
  public JsonNode getTls() {
    return tls;
  }

  public void setTls(JsonNode tls) {
    this.tls = tls;
  }

  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }

  /** Caravan extension: consume from a JetStream stream with a durable consumer; null: core. */
  public NatsJetStream getJetStream() {
    return jetStream;
  }

  public void setJetStream(NatsJetStream jetStream) {
    this.jetStream = jetStream;
  }
}
