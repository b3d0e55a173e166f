package io.caravan.generator.source.redisstream;

import io.caravan.api.eventsource.redisstream.RedisStreamEventSource;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.support.RedisConnectionParameters;
import io.caravan.generator.yaml.RoutesYaml;
import io.caravan.generator.yaml.UriParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.redisStream} events → {@code kamelet:redis-stream-source}: Redis streams read with
 * XREADGROUP in one consumer group (Argo's default {@code argo-events-cg}, created at {@code $}),
 * entries acknowledged once the bus stored their event (inventory §1.4, §1.5.9, §2.3). The password
 * goes to the route as a secret reference.
 */
public final class RedisStreamSourceType implements SourceType<RedisStreamEventSource> {
  /** Argo's consumer group when none is given. */
  public static final String DEFAULT_CONSUMER_GROUP = "argo-events-cg";

  /** Argo's COUNT per stream when {@code maxMsgCountPerRead} is unset or 0. */
  public static final int DEFAULT_MAX_MSG_COUNT_PER_READ = 10;

  @Override
  public String key() {
    return "redisStream";
  }

  @Override
  public Class<RedisStreamEventSource> model() {
    return RedisStreamEventSource.class;
  }

  @Override
  public void check(SourceEvent<RedisStreamEventSource> event, List<Diagnostic> out) {
    RedisStreamEventSource redis = event.config();
    if (redis == null) {
      out.add(Diagnostic.error(event.path(), "redisStream settings are missing"));
      return;
    }
    RedisConnectionParameters.check(
        event.path(), redis.getHostAddress(), redis.getPassword(), redis.getTls(), out);
    if (noStreams(redis)) {
      out.add(Diagnostic.error(event.path("streams"), "stream/streams must be specified"));
    }
    if (redis.getMaxMsgCountPerRead() != null && redis.getMaxMsgCountPerRead() < 0) {
      out.add(
          Diagnostic.error(
              event.path("maxMsgCountPerRead"), "maxMsgCountPerRead must not be negative"));
    }
  }

  @Override
  public Map<String, Object> from(
      SourceEvent<RedisStreamEventSource> event, Diagnostics diagnostics) {
    RedisStreamEventSource redis = event.config();
    if (redis == null) {
      diagnostics.error(event.path(), "redisStream settings are missing");
      return null;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("eventSourceName", event.eventSourceName());
    parameters.put("eventName", event.eventName());
    if (!RedisConnectionParameters.put(
        parameters,
        event.path(),
        redis.getHostAddress(),
        redis.getDb(),
        redis.getUsername(),
        redis.getPassword(),
        redis.getTls(),
        diagnostics)) {
      return null;
    }
    if (noStreams(redis)) {
      diagnostics.error(event.path("streams"), "stream/streams must be specified");
      return null;
    }
    Integer count = redis.getMaxMsgCountPerRead();
    if (count != null && count < 0) {
      diagnostics.error(
          event.path("maxMsgCountPerRead"), "maxMsgCountPerRead must not be negative");
      return null;
    }
    parameters.put("streams", RoutesYaml.compactJson(redis.getStreams()));
    parameters.put(
        "consumerGroup",
        redis.getConsumerGroup() == null || redis.getConsumerGroup().isEmpty()
            ? DEFAULT_CONSUMER_GROUP
            : redis.getConsumerGroup());
    parameters.put(
        "maxMsgCountPerRead", count == null || count == 0 ? DEFAULT_MAX_MSG_COUNT_PER_READ : count);
    if (redis.getMetadata() != null && !redis.getMetadata().isEmpty()) {
      parameters.put("metadata", RoutesYaml.compactJson(redis.getMetadata()));
    }
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:redis-stream-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(RedisStreamEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }

  /**
   * No stream to read. Argo only refuses a missing list; Caravan also refuses an empty one (Argo
   * would send XREADGROUP without a stream and fail on every read).
   */
  private static boolean noStreams(RedisStreamEventSource redis) {
    return redis.getStreams() == null || redis.getStreams().isEmpty();
  }
}
