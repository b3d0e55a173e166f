package io.caravan.api.eventsource.amqp;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;
import io.caravan.api.common.SecretKeySelector;
import io.caravan.api.eventsource.EventSourceFilter;
import io.caravan.api.eventsource.nats.BasicAuth;
import io.caravan.api.sensor.Backoff;
import java.util.Map;

/**
 * One {@code spec.amqp.<eventName>} entry: a RabbitMQ (AMQP 0-9-1) consumer that declares an
 * exchange and a queue, binds them with {@code routingKey} and consumes (inventory §1.4, §1.5.6).
 */
public class AmqpEventSource extends ArgoObject {
  private String url;
  private SecretKeySelector urlSecret;
  private String exchangeName;
  private String exchangeType;
  private String routingKey;
  private Backoff connectionBackoff;
  private Boolean jsonBody;
  private JsonNode tls;
  private Map<String, String> metadata;
  private AmqpExchangeDeclare exchangeDeclare;
  private AmqpQueueDeclare queueDeclare;
  private AmqpQueueBind queueBind;
  private AmqpConsume consume;
  private BasicAuth auth;
  private EventSourceFilter filter;

  /** The broker URL, e.g. {@code amqp://rabbitmq:5672/vhost}; or {@link #getUrlSecret()}. */
  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  /** A secret holding the broker URL (with its credentials, typically). */
  public SecretKeySelector getUrlSecret() {
    return urlSecret;
  }

  public void setUrlSecret(SecretKeySelector urlSecret) {
    this.urlSecret = urlSecret;
  }

  public String getExchangeName() {
    return exchangeName;
  }

  public void setExchangeName(String exchangeName) {
    this.exchangeName = exchangeName;
  }

  /** {@code direct}, {@code fanout}, {@code topic}, {@code headers} or a plugin's type. */
  public String getExchangeType() {
    return exchangeType;
  }

  public void setExchangeType(String exchangeType) {
    this.exchangeType = exchangeType;
  }

  /** The binding's routing key. */
  public String getRoutingKey() {
    return routingKey;
  }

  public void setRoutingKey(String routingKey) {
    this.routingKey = routingKey;
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

  public AmqpExchangeDeclare getExchangeDeclare() {
    return exchangeDeclare;
  }

  public void setExchangeDeclare(AmqpExchangeDeclare exchangeDeclare) {
    this.exchangeDeclare = exchangeDeclare;
  }

  public AmqpQueueDeclare getQueueDeclare() {
    return queueDeclare;
  }

  public void setQueueDeclare(AmqpQueueDeclare queueDeclare) {
    this.queueDeclare = queueDeclare;
  }

  public AmqpQueueBind getQueueBind() {
    return queueBind;
  }

  public void setQueueBind(AmqpQueueBind queueBind) {
    this.queueBind = queueBind;
  }

  public AmqpConsume getConsume() {
    return consume;
  }

  public void setConsume(AmqpConsume consume) {
    this.consume = consume;
  }

  /** User name and password (PLAIN), as secret references. */
  public BasicAuth getAuth() {
    return auth;
  }

  public void setAuth(BasicAuth auth) {
    this.auth = auth;
  }

  public EventSourceFilter getFilter() {
    return filter;
  }

  public void setFilter(EventSourceFilter filter) {
    this.filter = filter;
  }
}
