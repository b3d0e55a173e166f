package io.caravan.routes.source.redisstream;

import io.caravan.routes.support.redis.RedisEndpointSupport;
import java.util.List;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;

/** One redisStream event: {@code streams} on {@code hostAddress}, read in {@code consumerGroup}. */
public class RedisStreamSourceEndpoint extends RedisEndpointSupport {
  /** Argo's consumer name, the same on every replica (only the leader reads). */
  static final String CONSUMER = "argo-events-worker";

  private String streams;
  private String consumerGroup = "argo-events-cg";
  private int maxMsgCountPerRead = 10;

  RedisStreamSourceEndpoint(String uri, RedisStreamSourceComponent component, String name) {
    super(uri, component, name);
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    if (getHostAddress() == null || streamList().isEmpty()) {
      throw new IllegalArgumentException(
          "argo-redis-stream " + getName() + ": hostAddress and streams are required");
    }
    RedisStreamSourceConsumer consumer = new RedisStreamSourceConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  /** The streams, as a JSON array text. */
  public String getStreams() {
    return streams;
  }

  public void setStreams(String streams) {
    this.streams = streams;
  }

  List<String> streamList() {
    return names(streams, "argo-redis-stream " + getName() + ": streams");
  }

  public String getConsumerGroup() {
    return consumerGroup;
  }

  public void setConsumerGroup(String consumerGroup) {
    this.consumerGroup =
        consumerGroup == null || consumerGroup.isBlank() ? "argo-events-cg" : consumerGroup;
  }

  /** COUNT of each read, per stream; 0 or less: Argo's 10. */
  public int getMaxMsgCountPerRead() {
    return maxMsgCountPerRead;
  }

  public void setMaxMsgCountPerRead(int maxMsgCountPerRead) {
    this.maxMsgCountPerRead = maxMsgCountPerRead <= 0 ? 10 : maxMsgCountPerRead;
  }
}
