package io.caravan.generator.source;

import io.caravan.api.eventsource.EventSourceSpec;
import io.caravan.generator.Diagnostics;
import java.util.Map;

/**
 * Translates the events of one EventSource type (one spec key such as {@code webhook}) into the
 * {@code from:} endpoint of their routes. One implementation per supported source type.
 *
 * @param <T> the model class of one event of this type
 */
public interface SourceTranslator<T> {

  /** The spec key, which is also the CloudEvent {@code type}, e.g. {@code webhook}. */
  String type();

  /** The events of this type in {@code spec}, keyed by event name in manifest order; never null. */
  Map<String, T> events(EventSourceSpec spec);

  /**
   * The {@code from:} map (uri and parameters) for one event, or null when the event cannot run;
   * then at least one error is added to {@code diagnostics}.
   */
  Map<String, Object> from(SourceEvent<T> event, Diagnostics diagnostics);

  /** The event's {@code filter.expression}, or null when it has none. */
  default String filterExpression(T event) {
    return null;
  }
}
