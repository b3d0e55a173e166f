package io.caravan.generator.support;

import io.caravan.generator.Diagnostic;
import java.util.List;

/** Small checks of manifest fields shared by the rules of several types. */
public final class Fields {

  private Fields() {}

  /** Null or empty. */
  public static boolean blank(String value) {
    return value == null || value.isEmpty();
  }

  /** Reports {@code <what> is required} at {@code path} when {@code value} is blank. */
  public static void required(List<Diagnostic> out, String path, String value, String what) {
    if (blank(value)) {
      out.add(Diagnostic.error(path, what + " is required"));
    }
  }
}
