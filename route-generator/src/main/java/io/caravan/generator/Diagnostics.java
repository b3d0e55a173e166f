package io.caravan.generator;

import java.util.ArrayList;
import java.util.List;

/** Collects the {@link Diagnostic}s of one generation, in the order they were found. */
public final class Diagnostics {

  private final List<Diagnostic> found = new ArrayList<>();

  public void error(String path, String message) {
    found.add(Diagnostic.error(path, message));
  }

  public void warning(String path, String message) {
    found.add(Diagnostic.warning(path, message));
  }

  public void unsupported(String path, String what) {
    found.add(Diagnostic.unsupported(path, what));
  }

  /** Reports {@code path} as unsupported when {@code value} is set (not null). */
  public void unsupportedIfSet(Object value, String path, String what) {
    if (value != null) {
      unsupported(path, what);
    }
  }

  /** Adds findings made elsewhere (e.g. by a type's model binding), in their order. */
  public void addAll(List<Diagnostic> diagnostics) {
    found.addAll(diagnostics);
  }

  public List<Diagnostic> list() {
    return List.copyOf(found);
  }
}
