package io.caravan.routes.support.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.routes.support.secrets.SecretRefs;
import io.caravan.routes.support.secrets.SecretStore;
import io.caravan.routes.support.tls.TlsSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.apache.camel.Component;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * What the {@code argo-redis:} and {@code argo-redis-stream:} endpoints share: the connection
 * settings of Argo's redis sources ({@code hostAddress}, {@code db}, {@code username}, the password
 * and the TLS block as secret references) and the Jedis connection they make. Secret values are
 * read when connecting and never logged.
 */
public abstract class RedisEndpointSupport extends DefaultEndpoint {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Socket timeout: longer than the 2 s BLOCK of a stream read. */
  private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

  private final String name;
  private String eventSourceName;
  private String eventName;
  private String hostAddress;
  private int db;
  private String username;
  private String passwordSecret;
  private String metadata;
  private boolean tls;
  private String tlsCaCertSecret;
  private String tlsClientCertSecret;
  private String tlsClientKeySecret;
  private boolean tlsInsecureSkipVerify;

  protected RedisEndpointSupport(String uri, Component component, String name) {
    super(uri, component);
    this.name = name;
  }

  /** {@code <eventSource>/<event>}, for logs. */
  public String getName() {
    return name;
  }

  @Override
  public Producer createProducer() {
    throw new UnsupportedOperationException("this endpoint only consumes: " + getEndpointUri());
  }

  /** A new connection (not yet opened: the first command opens it). */
  public Jedis newConnection(String where) throws Exception {
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .database(db)
            .connectionTimeoutMillis(SOCKET_TIMEOUT_MILLIS)
            .socketTimeoutMillis(SOCKET_TIMEOUT_MILLIS)
            .clientName("caravan-eventsource-" + name.replace('/', '-'));
    if (username != null) {
      config.user(username);
    }
    if (passwordSecret != null || tls) {
      SecretStore secrets = SecretRefs.store(getCamelContext());
      if (passwordSecret != null) {
        config.password(SecretRefs.value(secrets, passwordSecret, where + ": password"));
      }
      if (tls) {
        TlsSettings settings = TlsSettings.read(tlsBlock(), secrets, where + ": tls");
        SSLContext context =
            settings.isNone() ? SSLContext.getDefault() : settings.sslContext(where + ": tls");
        SSLParameters parameters = new SSLParameters();
        if (!settings.insecureSkipVerify()) {
          parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        config.ssl(true).sslSocketFactory(context.getSocketFactory()).sslParameters(parameters);
      }
    }
    return new Jedis(HostAndPort.from(hostAddress), config.build());
  }

  /** A JSON array text option (channels, streams) as a list; {@code what} names it in errors. */
  protected static List<String> names(String text, String what) {
    List<String> names = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return names;
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (node.isArray()) {
        node.forEach(n -> names.add(n.asText()));
      } else {
        names.add(node.asText());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " must be a JSON array of names: " + text, e);
    }
    return names;
  }

  /** A channels or streams option as {@code 'a', 'b'}, for {@code caravan run}'s summary. */
  public static String quotedNames(Object option) {
    String text = option == null ? "" : option.toString();
    if (text.startsWith("RAW(") && text.endsWith(")")) {
      text = text.substring(4, text.length() - 1);
    }
    try {
      return String.join(", ", names(text, "names").stream().map(n -> "'" + n + "'").toList());
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private JsonNode tlsBlock() {
    return SecretRefs.tlsBlock(
        JSON.createObjectNode(),
        tlsCaCertSecret,
        tlsClientCertSecret,
        tlsClientKeySecret,
        tlsInsecureSkipVerify);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public String getEventSourceName() {
    return eventSourceName;
  }

  public void setEventSourceName(String eventSourceName) {
    this.eventSourceName = eventSourceName;
  }

  public String getEventName() {
    return eventName;
  }

  public void setEventName(String eventName) {
    this.eventName = eventName;
  }

  /** The server, {@code host:port}. */
  public String getHostAddress() {
    return hostAddress;
  }

  public void setHostAddress(String hostAddress) {
    this.hostAddress = blankToNull(hostAddress);
  }

  public int getDb() {
    return db;
  }

  public void setDb(int db) {
    this.db = db;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = blankToNull(username);
  }

  /** Secret reference ({@code name/key}) of the password. */
  public String getPasswordSecret() {
    return passwordSecret;
  }

  public void setPasswordSecret(String passwordSecret) {
    this.passwordSecret = blankToNull(passwordSecret);
  }

  /** JSON object text added to each event. */
  public String getMetadata() {
    return metadata;
  }

  public void setMetadata(String metadata) {
    this.metadata = blankToNull(metadata);
  }

  public boolean isTls() {
    return tls;
  }

  public void setTls(boolean tls) {
    this.tls = tls;
  }

  public String getTlsCaCertSecret() {
    return tlsCaCertSecret;
  }

  public void setTlsCaCertSecret(String tlsCaCertSecret) {
    this.tlsCaCertSecret = blankToNull(tlsCaCertSecret);
  }

  public String getTlsClientCertSecret() {
    return tlsClientCertSecret;
  }

  public void setTlsClientCertSecret(String tlsClientCertSecret) {
    this.tlsClientCertSecret = blankToNull(tlsClientCertSecret);
  }

  public String getTlsClientKeySecret() {
    return tlsClientKeySecret;
  }

  public void setTlsClientKeySecret(String tlsClientKeySecret) {
    this.tlsClientKeySecret = blankToNull(tlsClientKeySecret);
  }

  public boolean isTlsInsecureSkipVerify() {
    return tlsInsecureSkipVerify;
  }

  public void setTlsInsecureSkipVerify(boolean tlsInsecureSkipVerify) {
    this.tlsInsecureSkipVerify = tlsInsecureSkipVerify;
  }
}
