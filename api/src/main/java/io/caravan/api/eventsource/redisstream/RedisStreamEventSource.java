package io.caravan.api.eventsource.redisstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.eventsource.EventSourceFilter;
import java.util.List;
import java.util.Map;

/**
 * One {@code spec.redisStream.<eventName>} entry: Redis streams read with a consumer group
 * (inventory §1.5.9).
 */
public class RedisStreamEventSource extends ArgoObject {

  private String hostAddress;
  private SecretKeySelector password;
  private Integer db;
  private List<String> streams;
  private Integer maxMsgCountPerRead;
  private String consumerGroup;
  private JsonNode tls;
  private Map<String, String> metadata;
  private EventSourceFilter filter;
  private String username;

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

  /** The database number (default 0). */
  public Integer getDb() {
    return db;
  }

  public void setDb(Integer db) {
    this.db = db;
  }

  /** The streams to read, all with one consumer group. */
  public List<String> getStreams() {
    return streams;
  }

  public void setStreams(List<String> streams) {
    this.streams = streams;
  }

  /** COUNT of each XREADGROUP, per stream (default 10). */
  public Integer getMaxMsgCountPerRead() {
    return maxMsgCountPerRead;
  }

  public void setMaxMsgCountPerRead(Integer maxMsgCountPerRead) {
    this.maxMsgCountPerRead = maxMsgCountPerRead;
  }

  /** The consumer group (default {@code argo-events-cg}). */
  public String getConsumerGroup() {
    return consumerGroup;
  }

  public void setConsumerGroup(String consumerGroup) {
    this.consumerGroup = consumerGroup;
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

  /** The ACL user name (plain text, as in Argo). */
  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }
}
