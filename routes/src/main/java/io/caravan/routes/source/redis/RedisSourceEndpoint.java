package io.caravan.routes.source.redis;

import io.caravan.routes.support.redis.RedisEndpointSupport;
import java.util.List;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;

/** One redis event: a SUBSCRIBE to {@code channels} on {@code hostAddress}. */
public class RedisSourceEndpoint extends RedisEndpointSupport {
  private String channels;
  private boolean jsonBody;

  RedisSourceEndpoint(String uri, RedisSourceComponent component, String name) {
    super(uri, component, name);
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    if (getHostAddress() == null || channelList().isEmpty()) {
      throw new IllegalArgumentException(
          "argo-redis " + getName() + ": hostAddress and channels are required");
    }
    RedisSourceConsumer consumer = new RedisSourceConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  /** The channels, as a JSON array text. */
  public String getChannels() {
    return channels;
  }

  public void setChannels(String channels) {
    this.channels = channels;
  }

  List<String> channelList() {
    return names(channels, "argo-redis " + getName() + ": channels");
  }

  /** Embed the payload as JSON (true) or as a JSON string (false). */
  public boolean isJsonBody() {
    return jsonBody;
  }

  public void setJsonBody(boolean jsonBody) {
    this.jsonBody = jsonBody;
  }
}
