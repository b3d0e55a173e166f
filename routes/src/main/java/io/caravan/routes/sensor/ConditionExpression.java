package io.caravan.routes.sensor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A trigger's {@code conditions}: dependency names joined by {@code &&} and {@code ||} with
 * parentheses ({@code &&} binds tighter), parsed once. Names are letters, digits, {@code -}, {@code
 * _} and {@code .}, matched exactly (Argo also treats {@code -} and {@code _} as the same
 * character; Caravan does not).
 */
public final class ConditionExpression {
  private interface Node {
    boolean test(Predicate<String> present);
  }

  private record Name(String name) implements Node {
    public boolean test(Predicate<String> present) {
      return present.test(name);
    }
  }

  private record And(List<Node> parts) implements Node {
    public boolean test(Predicate<String> present) {
      return parts.stream().allMatch(p -> p.test(present));
    }
  }

  private record Or(List<Node> parts) implements Node {
    public boolean test(Predicate<String> present) {
      return parts.stream().anyMatch(p -> p.test(present));
    }
  }

  private final String source;
  private final Node root;
  private final List<String> names;
  private final boolean hasAnd;
  private int pos;

  private ConditionExpression(String source) {
    this.source = source;
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    boolean[] and = {false};
    this.root = parseOr(seen, and);
    skipSpaces();
    if (pos < source.length()) {
      throw error("unexpected '" + source.charAt(pos) + "'");
    }
    this.names = List.copyOf(seen);
    this.hasAnd = and[0];
  }

  /**
   * @throws IllegalArgumentException with the position of a syntax error
   */
  public static ConditionExpression parse(String source) {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("conditions: empty expression");
    }
    return new ConditionExpression(source);
  }

  /** Dependency names in order of first appearance. */
  public List<String> names() {
    return names;
  }

  /** True when the expression has an {@code &&}: events must be correlated (Argo's AND logic). */
  public boolean requiresAnd() {
    return hasAnd;
  }

  /** Evaluates with "dependency has an event" as each name's value. */
  public boolean test(Set<String> present) {
    return root.test(present::contains);
  }

  @Override
  public String toString() {
    return source;
  }

  private Node parseOr(Set<String> seen, boolean[] and) {
    List<Node> parts = new ArrayList<>();
    parts.add(parseAnd(seen, and));
    while (accept("||")) {
      parts.add(parseAnd(seen, and));
    }
    return parts.size() == 1 ? parts.get(0) : new Or(List.copyOf(parts));
  }

  private Node parseAnd(Set<String> seen, boolean[] and) {
    List<Node> parts = new ArrayList<>();
    parts.add(parsePrimary(seen, and));
    while (accept("&&")) {
      and[0] = true;
      parts.add(parsePrimary(seen, and));
    }
    return parts.size() == 1 ? parts.get(0) : new And(List.copyOf(parts));
  }

  private Node parsePrimary(Set<String> seen, boolean[] and) {
    if (accept("(")) {
      Node inner = parseOr(seen, and);
      if (!accept(")")) {
        throw error("missing ')'");
      }
      return inner;
    }
    skipSpaces();
    int start = pos;
    while (pos < source.length() && isNameChar(source.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error(
          pos < source.length()
              ? "unexpected '" + source.charAt(pos) + "'"
              : "missing dependency name");
    }
    String name = source.substring(start, pos);
    seen.add(name);
    return new Name(name);
  }

  private boolean accept(String token) {
    skipSpaces();
    if (source.startsWith(token, pos)) {
      pos += token.length();
      return true;
    }
    return false;
  }

  private void skipSpaces() {
    while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException(
        "conditions '" + source + "': " + message + " at position " + (pos + 1));
  }
}
