package io.caravan.expr;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.caravan.expr.GovaluateLexer.Kind;
import io.caravan.expr.GovaluateLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A govaluate expression (Knetic/govaluate, the syntax of Argo's {@code filters.exprs[].expr}),
 * parsed once and evaluated against named parameters. Values are those of JSON: {@link Double},
 * {@link String}, {@link Boolean}, {@code null}, {@link List}, {@link Map}.
 *
 * <p>Operators, lowest precedence first: {@code ? :}, {@code ??}, {@code ||}, {@code &&}, {@code ==
 * != > >= < <= =~ !~ in}, {@code | ^ &}, {@code << >>}, {@code + -}, {@code * / %}, {@code **},
 * prefix {@code ! - ~}. As in govaluate: {@code ==} is deep equality of any two values; {@code > >=
 * < <=} compare two numbers or two strings; {@code +} adds numbers and concatenates when either
 * side is a string; {@code =~}/{@code !~} match an unanchored RE2 pattern; {@code &&} and {@code
 * ||} need booleans and short-circuit; a parameter is looked up only when evaluation reaches it
 * ({@code No parameter 'x' found.}); {@code (a, b)} is an array for {@code in}.
 */
public final class GovaluateExpression {
  private interface Node {
    Object eval(Map<String, Object> params);
  }

  private final String source;
  private final Node root;

  private GovaluateExpression(String source, Node root) {
    this.source = source;
    this.root = root;
  }

  /**
   * @throws ExpressionException when the text is not a govaluate expression
   */
  public static GovaluateExpression parse(String source) {
    if (source == null || source.isBlank()) {
      throw new ExpressionException("empty expression");
    }
    Parser parser = new Parser(GovaluateLexer.tokens(source));
    Node root = parser.ternary();
    Token rest = parser.peek();
    if (rest.kind() != Kind.END) {
      throw new ExpressionException(
          "unexpected '" + rest.text() + "' at position " + rest.position());
    }
    return new GovaluateExpression(source, root);
  }

  /**
   * @throws ExpressionException for a missing parameter or operands of the wrong type
   */
  public Object evaluate(Map<String, Object> params) {
    return root.eval(params);
  }

  public String source() {
    return source;
  }

  private static final class Parser {
    private final List<Token> tokens;
    private int at;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    Token peek() {
      return tokens.get(at);
    }

    private boolean accept(String operator) {
      if (peek().is(operator)) {
        at++;
        return true;
      }
      return false;
    }

    Node ternary() {
      Node condition = coalesce();
      if (accept("?")) {
        Node then = ternary();
        Node otherwise = accept(":") ? ternary() : p -> null;
        return p -> {
          Object c = condition.eval(p);
          if (!(c instanceof Boolean)) {
            throw typeError(c, "?", "bool");
          }
          return (Boolean) c ? then.eval(p) : otherwise.eval(p);
        };
      }
      return condition;
    }

    private Node coalesce() {
      Node left = or();
      while (accept("??")) {
        Node l = left;
        Node r = or();
        left =
            p -> {
              Object v = l.eval(p);
              return v != null ? v : r.eval(p);
            };
      }
      return left;
    }

    private Node or() {
      Node left = and();
      while (accept("||")) {
        Node l = left;
        Node r = and();
        left = p -> bool(l.eval(p), "||") || bool(r.eval(p), "||");
      }
      return left;
    }

    private Node and() {
      Node left = comparison();
      while (accept("&&")) {
        Node l = left;
        Node r = comparison();
        left = p -> bool(l.eval(p), "&&") && bool(r.eval(p), "&&");
      }
      return left;
    }

    private Node comparison() {
      Node left = bitwise();
      while (true) {
        Token t = peek();
        String op = t.text();
        if (t.kind() != Kind.OPERATOR
            || !List.of("==", "!=", ">", ">=", "<", "<=", "=~", "!~", "in").contains(op)) {
          return left;
        }
        at++;
        Node l = left;
        Node r = bitwise();
        left = p -> compare(op, l.eval(p), r.eval(p));
      }
    }

    private Node bitwise() {
      Node left = shift();
      while (peek().is("|") || peek().is("^") || peek().is("&")) {
        String op = tokens.get(at++).text();
        Node l = left;
        Node r = shift();
        left =
            p -> {
              long a = integer(l.eval(p), op);
              long b = integer(r.eval(p), op);
              return (double) (op.equals("|") ? a | b : op.equals("^") ? a ^ b : a & b);
            };
      }
      return left;
    }

    private Node shift() {
      Node left = additive();
      while (peek().is("<<") || peek().is(">>")) {
        String op = tokens.get(at++).text();
        Node l = left;
        Node r = additive();
        left =
            p -> {
              long a = integer(l.eval(p), op);
              long b = integer(r.eval(p), op);
              return (double) (op.equals("<<") ? a << b : a >> b);
            };
      }
      return left;
    }

    private Node additive() {
      Node left = multiplicative();
      while (peek().is("+") || peek().is("-")) {
        String op = tokens.get(at++).text();
        Node l = left;
        Node r = multiplicative();
        left =
            p -> {
              Object a = l.eval(p);
              Object b = r.eval(p);
              if (op.equals("+") && (a instanceof String || b instanceof String)) {
                return GoFormat.print(a) + GoFormat.print(b);
              }
              return op.equals("+") ? number(a, op) + number(b, op) : number(a, op) - number(b, op);
            };
      }
      return left;
    }

    private Node multiplicative() {
      Node left = exponent();
      while (peek().is("*") || peek().is("/") || peek().is("%")) {
        String op = tokens.get(at++).text();
        Node l = left;
        Node r = exponent();
        left =
            p -> {
              double a = number(l.eval(p), op);
              double b = number(r.eval(p), op);
              return op.equals("*") ? a * b : op.equals("/") ? a / b : a % b;
            };
      }
      return left;
    }

    private Node exponent() {
      Node left = prefix();
      while (accept("**")) {
        Node l = left;
        Node r = prefix();
        left = p -> Math.pow(number(l.eval(p), "**"), number(r.eval(p), "**"));
      }
      return left;
    }

    private Node prefix() {
      if (accept("!")) {
        Node operand = prefix();
        return p -> !bool(operand.eval(p), "!");
      }
      if (accept("-")) {
        Node operand = prefix();
        return p -> -number(operand.eval(p), "-");
      }
      if (accept("~")) {
        Node operand = prefix();
        return p -> (double) ~integer(operand.eval(p), "~");
      }
      return primary();
    }

    private Node primary() {
      Token t = tokens.get(at++);
      switch (t.kind()) {
        case NUMBER, STRING, BOOL -> {
          Object value = t.value();
          return p -> value;
        }
        case NAME -> {
          String name = t.text();
          return p -> {
            if (p == null || !p.containsKey(name)) {
              throw new ExpressionException("No parameter '" + name + "' found.");
            }
            return p.get(name);
          };
        }
        case OPEN -> {
          List<Node> items = new ArrayList<>();
          items.add(ternary());
          boolean array = false;
          while (peek().kind() == Kind.COMMA) {
            at++;
            array = true;
            items.add(ternary());
          }
          if (peek().kind() != Kind.CLOSE) {
            throw new ExpressionException("unbalanced parenthesis at position " + t.position());
          }
          at++;
          if (!array) {
            return items.get(0);
          }
          return p -> {
            List<Object> values = new ArrayList<>();
            items.forEach(item -> values.add(item.eval(p)));
            return values;
          };
        }
        case END -> throw new ExpressionException("unexpected end of expression");
        default ->
            throw new ExpressionException(
                "unexpected '" + t.text() + "' at position " + t.position());
      }
    }
  }

  private static Object compare(String op, Object a, Object b) {
    switch (op) {
      case "==":
        return Objects.equals(a, b);
      case "!=":
        return !Objects.equals(a, b);
      case "=~":
      case "!~":
        {
          if (!(a instanceof String) || !(b instanceof String)) {
            throw typeError(a instanceof String ? b : a, op, "string");
          }
          Pattern pattern;
          try {
            pattern = Pattern.compile((String) b);
          } catch (PatternSyntaxException e) {
            throw new ExpressionException(
                "Unable to compile regexp pattern '" + b + "': " + e.getDescription());
          }
          boolean found = pattern.matcher((String) a).find();
          return op.equals("=~") == found;
        }
      case "in":
        {
          if (!(b instanceof List)) {
            throw typeError(b, "in", "array");
          }
          return ((List<?>) b).contains(a);
        }
      default:
        {
          int c;
          if (a instanceof Double && b instanceof Double) {
            c = Double.compare((Double) a, (Double) b);
          } else if (a instanceof String && b instanceof String) {
            c = ((String) a).compareTo((String) b);
          } else {
            throw typeError(a instanceof Double || a instanceof String ? b : a, op, "number");
          }
          return switch (op) {
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "<" -> c < 0;
            default -> c <= 0;
          };
        }
    }
  }

  private static boolean bool(Object value, String op) {
    if (!(value instanceof Boolean)) {
      throw typeError(value, op, "bool");
    }
    return (Boolean) value;
  }

  private static double number(Object value, String op) {
    if (!(value instanceof Double)) {
      throw typeError(value, op, "number");
    }
    return (Double) value;
  }

  private static long integer(Object value, String op) {
    return (long) number(value, op);
  }

  private static ExpressionException typeError(Object value, String op, String expected) {
    return new ExpressionException(
        "Value '"
            + GoFormat.print(value)
            + "' cannot be used with the operator '"
            + op
            + "', it is not a "
            + expected);
  }
}
