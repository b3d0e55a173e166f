package io.caravan.routes.sensor;

import java.util.List;

/**
 * Outcome of a filter: whether the event passes, and the errors met on the way. As in Argo, an
 * event can pass with errors (an {@code or} where another filter matched).
 */
public record FilterResult(boolean match, List<String> errors) {
  static final FilterResult PASS = new FilterResult(true, List.of());
  static final FilterResult FAIL = new FilterResult(false, List.of());

  static FilterResult error(String message) {
    return new FilterResult(false, List.of(message));
  }
}
