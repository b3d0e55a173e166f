package io.caravan.api.eventsource.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;
import io.caravan.api.eventsource.EventSourceFilter;
import io.caravan.api.eventsource.nats.BasicAuth;
import io.caravan.api.sensor.Backoff;
import java.util.Map;

/**
 * One {@code spec.mqtt.<eventName>} entry: an MQTT subscription at QoS 0 (inventory §1.4, §1.5.7).
 */
public class MqttEventSource extends ArgoObject {
  private String url;
  private String topic;
  private String clientId;
  private Backoff connectionBackoff;
  private Boolean jsonBody;
  private JsonNode tls;
  private Map<String, String> metadata;
  private EventSourceFilter filter;
  private BasicAuth auth;

  /** The broker, e.g. {@code tcp://mosquitto:1883} or {@code ssl://mosquitto:8883}. */
  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  /** The topic filter to subscribe to ({@code +} and {@code #} wildcards allowed). */
  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  /** The client identifier the broker knows this subscriber by. */
  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

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

  /** Argo's TLSConfig, checked by the generator's TLS rules. */
  public JsonNode getTls() {
    return tls;
  }

  public void setTls(JsonNode tls) {
    this.tls = tls;
  }

  public Map<String, String> getMetadata() {
    return metadata;
  }

  public void setMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
  }

  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }

  /** User name and password, as secret references. */
  public BasicAuth getAuth() {
    return auth;
  }

  public void setAuth(BasicAuth auth) {
    this.auth = auth;
  }
}
