package io.caravan.generator.sensor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a trigger's {@code conditions}: dependency names joined by {@code &&} and {@code ||} with
 * parentheses, nothing else (no negation, no literals).
 */
public final class ConditionsExpression {

  /** Outcome: the dependency names referenced, in order, and a problem (null when valid). */
  public record Result(Set<String> names, String problem) {
    public boolean isValid() {
      return problem == null;
    }
  }

  private final List<String> tokens = new ArrayList<>();
  private final Set<String> names = new LinkedHashSet<>();
  private int position;

  private ConditionsExpression() {}

  public static Result check(String expression) {
    ConditionsExpression parser = new ConditionsExpression();
    String problem = parser.tokenize(expression);
    if (problem == null) {
      problem = parser.parse();
    }
    return new Result(parser.names, problem);
  }

  private String tokenize(String text) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (text.startsWith("&&", i) || text.startsWith("||", i)) {
        tokens.add(text.substring(i, i + 2));
        i += 2;
      } else if (isNameChar(c)) {
        int start = i;
        while (i < text.length() && isNameChar(text.charAt(i))) {
          i++;
        }
        tokens.add(text.substring(start, i));
      } else {
        return "unexpected '"
            + c
            + "' at position "
            + i
            + "; only dependency names, &&, || and parentheses are allowed";
      }
    }
    return tokens.isEmpty() ? "conditions are empty" : null;
  }

  /** expression := term (('&&' | '||') term)* ; term := name | '(' expression ')' */
  private String parse() {
    String problem = expression();
    if (problem == null && position < tokens.size()) {
      problem = "unexpected '" + tokens.get(position) + "'";
    }
    return problem;
  }

  private String expression() {
    String problem = term();
    while (problem == null && position < tokens.size() && isOperator(tokens.get(position))) {
      position++;
      problem = term();
    }
    return problem;
  }

  private String term() {
    if (position >= tokens.size()) {
      return "expression ends where a dependency name or '(' is expected";
    }
    String token = tokens.get(position++);
    if (token.equals("(")) {
      String problem = expression();
      if (problem != null) {
        return problem;
      }
      if (position >= tokens.size() || !tokens.get(position).equals(")")) {
        return "missing ')'";
      }
      position++;
      return null;
    }
    if (token.equals(")") || isOperator(token)) {
      return "unexpected '" + token + "' where a dependency name or '(' is expected";
    }
    names.add(token);
    return null;
  }

  private static boolean isOperator(String token) {
    return token.equals("&&") || token.equals("||");
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
  }
}
