package io.caravan.generator.source.redis;

import io.caravan.api.eventsource.redis.RedisEventSource;
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
 * {@code spec.redis} events → {@code kamelet:redis-source}: a Redis Pub/Sub subscription
 * (SUBSCRIBE, as in Argo, never PSUBSCRIBE) with Argo's checks and event data (inventory §1.4,
 * §1.5.8, §2.3). The password goes to the route as a secret reference.
 */
public final class RedisSourceType implements SourceType<RedisEventSource> {

  @Override
  public String key() {
    return "redis";
  }

  @Override
  public Class<RedisEventSource> model() {
    return RedisEventSource.class;
  }

  @Override
  public void check(SourceEvent<RedisEventSource> event, List<Diagnostic> out) {
    RedisEventSource redis = event.config();
    if (redis == null) {
      out.add(Diagnostic.error(event.path(), "redis settings are missing"));
      return;
    }
    RedisConnectionParameters.check(
        event.path(), redis.getHostAddress(), redis.getPassword(), redis.getTls(), out);
    if (noChannels(redis)) {
      out.add(Diagnostic.error(event.path("channels"), "channel/s must be specified"));
    }
    if (redis.getPassword() != null
        && (redis.getNamespace() == null || redis.getNamespace().isEmpty())) {
      out.add(
          Diagnostic.error(
              event.path("namespace"),
              "namespace must be defined in order to retrieve the password from the secret"));
    }
  }

  @Override
  public Map<String, Object> from(SourceEvent<RedisEventSource> event, Diagnostics diagnostics) {
    RedisEventSource redis = event.config();
    if (redis == null) {
      diagnostics.error(event.path(), "redis settings are missing");
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
    if (noChannels(redis)) {
      diagnostics.error(event.path("channels"), "channel/s must be specified");
      return null;
    }
    parameters.put("channels", RoutesYaml.compactJson(redis.getChannels()));
    parameters.put("jsonBody", Boolean.TRUE.equals(redis.getJsonBody()));
    if (redis.getMetadata() != null && !redis.getMetadata().isEmpty()) {
      parameters.put("metadata", RoutesYaml.compactJson(redis.getMetadata()));
    }
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:redis-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  @Override
  public String filterExpression(RedisEventSource event) {
    return event == null || event.getFilter() == null ? null : event.getFilter().getExpression();
  }

  /**
   * No channel to subscribe to. Argo only refuses a missing list; Caravan also refuses an empty one
   * (Argo would subscribe to nothing).
   */
  private static boolean noChannels(RedisEventSource redis) {
    return redis.getChannels() == null || redis.getChannels().isEmpty();
  }
}
