package io.caravan.routes.trigger.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.nats.NatsAuth;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.support.tls.TlsSettings;
import io.caravan.routes.trigger.TriggerSpecMessage;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.PublishAck;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The {@code nats-sink} Kamelet's step: publishes the body (the payload) to {@code subject} on
 * {@code url}, as Argo's nats trigger does, with its {@code tls} and {@code auth} (basic, token,
 * nkey, credential: secret references). A core publish succeeds once the server confirmed it got
 * the message (a flush); with Caravan's {@code jetStream: true} the message goes through JetStream
 * and succeeds on the stream's PubAck (fails when no stream takes the subject). One connection per
 * distinct server and credentials, kept open.
 */
public class NatsTriggerSink extends ServiceSupport implements Processor {
  private static final String FIELD = "trigger.template.nats";
  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

  private final Map<ConnectionKey, Connection> connections = new ConcurrentHashMap<>();
  private volatile boolean registered;
  private String sensorName = "";
  private String triggerName = "";

  public void setSensorName(String sensorName) {
    this.sensorName = sensorName;
  }

  public void setTriggerName(String triggerName) {
    this.triggerName = triggerName;
  }

  @Override
  public void process(Exchange exchange) throws Exception {
    Message message = exchange.getMessage();
    ObjectNode spec = TriggerSpecMessage.spec(message, "nats");
    String url = text(spec, "url");
    String subject = text(spec, "subject");
    byte[] body = message.getBody(byte[].class);
    byte[] payload = body == null ? new byte[0] : body;
    SecretStore secrets = SecretRefs.store(exchange.getContext());
    ConnectionKey key =
        new ConnectionKey(
            url,
            TlsSettings.read(spec.get("tls"), secrets, FIELD + ".tls"),
            NatsAuth.read(spec.get("auth"), secrets, FIELD + ".auth"));
    closeWithContext(exchange.getContext());
    Connection connection = connection(key);
    if (spec.path("jetStream").asBoolean(false)) {
      PublishAck ack = connection.jetStream().publish(subject, payload);
      message.setHeader("CaravanNatsStream", ack.getStream());
      message.setHeader("CaravanNatsSequence", ack.getSeqno());
    } else {
      connection.publish(subject, payload);
      connection.flush(CONFIRM_TIMEOUT);
    }
  }

  private Connection connection(ConnectionKey key) throws Exception {
    Connection existing = connections.get(key);
    if (existing != null && existing.getStatus() != Connection.Status.CLOSED) {
      return existing;
    }
    synchronized (connections) {
      existing = connections.get(key);
      if (existing != null && existing.getStatus() != Connection.Status.CLOSED) {
        return existing;
      }
      Options.Builder options =
          new Options.Builder()
              .server(key.url())
              .connectionName("caravan-" + sensorName + "-" + triggerName)
              .connectionTimeout(CONFIRM_TIMEOUT)
              .maxReconnects(-1);
      if (!key.tls().isNone()) {
        options.sslContext(key.tls().sslContext(FIELD + ".tls"));
      }
      key.auth().applyTo(options, FIELD + ".auth");
      Connection connection = Nats.connect(options.build());
      connections.put(key, connection);
      return connection;
    }
  }

  private static String text(JsonNode spec, String field) {
    String value = spec.path(field).asText("");
    if (value.isBlank()) {
      throw new IllegalArgumentException(FIELD + "." + field + ": is required");
    }
    return value;
  }

  /**
   * Registers this sink with the CamelContext once, so that its connections are closed when the
   * context stops even where Camel does not stop a Kamelet's processor bean itself.
   */
  private void closeWithContext(org.apache.camel.CamelContext context) throws Exception {
    if (!registered) {
      synchronized (this) {
        if (!registered) {
          context.addService(this, true, true);
          registered = true;
        }
      }
    }
  }

  @Override
  protected void doStop() throws Exception {
    for (Connection connection : connections.values()) {
      connection.close();
    }
    connections.clear();
  }

  private record ConnectionKey(String url, TlsSettings tls, NatsAuth auth) {}
}
