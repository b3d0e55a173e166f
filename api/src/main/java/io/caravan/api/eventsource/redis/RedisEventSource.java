package io.caravan.api.eventsource.redis;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.eventsource.EventSourceFilter;
import java.util.List;
import java.util.Map;

/** One {@code spec.redis.<eventName>} entry: a Redis Pub/Sub subscription (inventory §1.5.8). */
public class RedisEventSource extends ArgoObject {

  private String hostAddress;
  private SecretKeySelector password;
  private String namespace;
  private List<String> channels;
  private JsonNode tls;
  private Map<String, String> metadata;
  private EventSourceFilter filter;
  private Boolean jsonBody;
  private String username;
  private Integer db;

  /** The Redis server, {@code host:port}. */
  public String getHostAddress() {
    return hostAddress;
  }

  public void setHostAddress(String hostAddress) {
    this.hostAddress = hostAddress;
  }

  /** The password, from a Secret. */
  public SecretKeySelector getPassword() {
    return password;
  }

  public void setPassword(SecretKeySelector password) {
    this.password = password;
  }

  /**
   * Argo's namespace of the password Secret (required with {@code password}); Caravan reads secrets
   * from the EventSource's own namespace.
   */
  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  /** The channels to SUBSCRIBE to. */
  public List<String> getChannels() {
    return channels;
  }

  public void setChannels(List<String> channels) {
    this.channels = channels;
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

  /** True: the payload is JSON and embedded as is; false (default): a JSON string. */
  public Boolean getJsonBody() {
    return jsonBody;
  }

  public void setJsonBody(Boolean jsonBody) {
    this.jsonBody = jsonBody;
  }

  /** The ACL user name (plain text, as in Argo). */
  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  /** The database number (default 0). */
  public Integer getDb() {
    return db;
  }

  public void setDb(Integer db) {
    this.db = db;
  }
}
