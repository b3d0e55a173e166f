package io.caravan.routes.delivery;

import java.util.function.Supplier;

/**
 * A value made on first use (the bean's properties are all set by then), at most once at a time;
 * {@link #reset} makes it again on the next use, {@link #set} replaces it (tests). Thread-safe.
 */
final class Lazy<T> {
  private final Supplier<T> factory;
  private volatile T value;

  Lazy(Supplier<T> factory) {
    this.factory = factory;
  }

  T get() {
    T current = value;
    if (current == null) {
      synchronized (this) {
        if (value == null) {
          value = factory.get();
        }
        current = value;
      }
    }
    return current;
  }

  void set(T replacement) {
    value = replacement;
  }

  void reset() {
    value = null;
  }
}
