package io.caravan.generator.source;

import io.caravan.api.eventsource.EventSourceTypes;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import java.util.List;
import java.util.Map;

/**
 * One EventSource type (one spec key such as {@code webhook}): the model its events bind to, Argo's
 * validation rules for one event, and the {@code from:} endpoint its events' routes start with. One
 * implementation per supported type, in {@code source/<type>/}, registered by one line in {@code
 * META-INF/services/io.caravan.generator.source.SourceType} ({@link SourceTypeRegistry}).
 *
 * @param <T> the model class of one event of this type (in {@code api}, {@code
 *     io.caravan.api.eventsource.<type>})
 */
public interface SourceType<T> {

  /**
   * The spec key, e.g. {@code webhook}; also the CloudEvent {@code type} unless {@link #eventType}.
   */
  String key();

  /**
   * The CloudEvent {@code type} of its events (Argo's {@code EventSourceType}); the spec key unless
   * Argo spells it otherwise ({@code storageGrid} → {@code storagegrid}).
   */
  default String eventType() {
    return key();
  }

  /** The model one event's settings bind to. */
  Class<T> model();

  /**
   * Argo's rules for one event (and the settings Caravan does not support, as {@link
   * Diagnostic#unsupported} findings). Called by {@code caravan validate}, the admission webhook
   * and the operator before generating. {@code event.config()} may be null (the manifest gave the
   * event no settings).
   */
  default void check(SourceEvent<T> event, List<Diagnostic> out) {}

  /**
   * The {@code from:} map (uri and parameters) for one event, or null when the event cannot run;
   * then at least one error is added to {@code diagnostics}.
   */
  Map<String, Object> from(SourceEvent<T> event, Diagnostics diagnostics);

  /** The event's {@code filter.expression}, or null when it has none. */
  default String filterExpression(T event) {
    return null;
  }

  /**
   * For the operator: whether this type runs active-passive (leader-elected, one replica at a time)
   * as in Argo, or active-active on every replica.
   */
  default boolean leaderElected() {
    return EventSourceTypes.LEADER_ELECTED.contains(key());
  }
}
