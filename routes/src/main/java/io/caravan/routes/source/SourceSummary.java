package io.caravan.routes.source;

import java.util.Map;

/**
 * How {@code caravan run} describes the routes of one source type: the EventSource routes whose
 * consumer is the type's Kamelet are listed under {@link #heading()}, one {@link #describe} line
 * each. One implementation per source type, in its folder, registered in {@code
 * META-INF/services/io.caravan.routes.source.SourceSummary}; types without one are listed under
 * "Other sources" with their endpoint URI.
 */
public interface SourceSummary {
  /** The source Kamelet whose routes this describes, e.g. {@code webhook-source}. */
  String kamelet();

  /** The heading its routes are listed under, e.g. {@code Webhooks}. */
  String heading();

  /** One line for a route, from the Kamelet's parameters as the generated route gives them. */
  String describe(Map<String, Object> parameters);
}
