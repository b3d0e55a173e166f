package io.caravan.generator.sensor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A trigger's {@code conditions}: dependency names joined by {@code &&}, {@code ||} and parentheses
 * (inventory §4.3). Parsed only to check the syntax and to learn which dependencies it names; the
 * text keeps the user's spacing.
 */
final class Conditions {

  private enum Kind {
    NAME,
    AND,
    OR,
    OPEN,
    CLOSE,
    SPACE
  }

  private record Token(Kind kind, String text, int position) {}

  private final List<Token> tokens;
  private int next;

  private Conditions(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Parses {@code text}; throws {@link IllegalArgumentException} saying what is wrong where. */
  static Conditions parse(String text) {
    Conditions conditions = new Conditions(tokenize(text));
    conditions.checkSyntax();
    return conditions;
  }

  /** The AND of {@code dependencies} in declaration order, Argo's default for no conditions. */
  static String allOf(List<String> dependencies) {
    return String.join(" && ", dependencies);
  }

  /** The dependency names used, in order of first appearance. */
  Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    tokens.stream().filter(t -> t.kind() == Kind.NAME).forEach(t -> names.add(t.text()));
    return names;
  }

  /** The text with every name replaced by {@code rename.apply(name)}, everything else as is. */
  String rewrite(UnaryOperator<String> rename) {
    StringBuilder out = new StringBuilder();
    for (Token token : tokens) {
      out.append(token.kind() == Kind.NAME ? rename.apply(token.text()) : token.text());
    }
    return out.toString();
  }

  private static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.SPACE, text.substring(start, i), start));
      } else if (isNameChar(c)) {
        while (i < text.length() && isNameChar(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.NAME, text.substring(start, i), start));
      } else if (text.startsWith("&&", i)) {
        tokens.add(new Token(Kind.AND, "&&", start));
        i += 2;
      } else if (text.startsWith("||", i)) {
        tokens.add(new Token(Kind.OR, "||", start));
        i += 2;
      } else if (c == '(' || c == ')') {
        tokens.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), start));
        i++;
      } else {
        throw new IllegalArgumentException(
            "unexpected '"
                + c
                + "' at position "
                + (start + 1)
                + " (only dependency names, &&, || and parentheses are allowed)");
      }
    }
    return tokens;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  // Grammar: or := and ('||' and)* ; and := atom ('&&' atom)* ; atom := NAME | '(' or ')'

  private void checkSyntax() {
    if (peek() == null) {
      throw new IllegalArgumentException("conditions are empty");
    }
    parseOr();
    Token extra = peek();
    if (extra != null) {
      throw unexpected(extra);
    }
  }

  private void parseOr() {
    parseAnd();
    while (peek() != null && peek().kind() == Kind.OR) {
      advance();
      parseAnd();
    }
  }

  private void parseAnd() {
    parseAtom();
    while (peek() != null && peek().kind() == Kind.AND) {
      advance();
      parseAtom();
    }
  }

  private void parseAtom() {
    Token token = peek();
    if (token == null) {
      throw new IllegalArgumentException("conditions end too early: a dependency name is missing");
    }
    if (token.kind() == Kind.NAME) {
      advance();
    } else if (token.kind() == Kind.OPEN) {
      advance();
      parseOr();
      Token close = peek();
      if (close == null || close.kind() != Kind.CLOSE) {
        throw close == null
            ? new IllegalArgumentException("missing ')' at the end")
            : unexpected(close);
      }
      advance();
    } else {
      throw unexpected(token);
    }
  }

  private Token peek() {
    while (next < tokens.size() && tokens.get(next).kind() == Kind.SPACE) {
      next++;
    }
    return next < tokens.size() ? tokens.get(next) : null;
  }

  private void advance() {
    peek();
    next++;
  }

  private static IllegalArgumentException unexpected(Token token) {
    return new IllegalArgumentException(
        "unexpected '" + token.text() + "' at position " + (token.position() + 1));
  }
}
