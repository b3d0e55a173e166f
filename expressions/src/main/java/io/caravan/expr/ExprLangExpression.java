package io.caravan.expr;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.caravan.expr.ExprLangLexer.Kind;
import io.caravan.expr.ExprLangLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The subset of expr-lang (antonmedv/expr) that Argo's EventSource {@code filter.expression} uses,
 * evaluated over an environment map (the event data): literals ({@code 1}, {@code 1.5}, {@code
 * 'a'}, {@code "a"}, {@code true}, {@code nil}), names and member access ({@code body.a}, {@code
 * body?.a}, {@code body["x-y"]}, {@code list[0]}), {@code ! not - + * / % ** ^}, {@code == != < <=
 * > >=}, {@code && and || or}, {@code in contains startsWith endsWith matches}, {@code ? :}, {@code
 * ??}, array literals and the functions {@code len upper lower trim abs int float string toJson
 * asInt asFloat}. Numbers are float64; a missing map key reads as {@code nil}; a name that is not
 * in the environment is an error, as expr-lang's compiler reports it.
 */
public final class ExprLangExpression {
  private interface Node {
    Object eval(Map<String, Object> env);
  }

  private final Node root;

  private ExprLangExpression(Node root) {
    this.root = root;
  }

  /**
   * @throws ExpressionException when the text does not parse
   */
  public static ExprLangExpression parse(String source) {
    if (source == null || source.isBlank()) {
      throw new ExpressionException("empty expression");
    }
    Parser parser = new Parser(ExprLangLexer.tokens(source));
    Node root = parser.ternary();
    if (parser.peek().kind() != Kind.END) {
      throw new ExpressionException(
          "unexpected token '"
              + parser.peek().text()
              + "' at position "
              + parser.peek().position());
    }
    return new ExprLangExpression(root);
  }

  /**
   * The result as a boolean. @throws ExpressionException when evaluation fails or gives no boolean
   */
  public boolean evaluateBool(Map<String, Object> env) {
    Object result = root.eval(env);
    if (!(result instanceof Boolean)) {
      throw new ExpressionException(
          "unable to cast expression result '" + GoFormat.print(result) + "' to bool");
    }
    return (Boolean) result;
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

    private boolean accept(String s) {
      if (peek().is(s)) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(String s) {
      if (!accept(s)) {
        throw new ExpressionException("expected '" + s + "' at position " + peek().position());
      }
    }

    Node ternary() {
      Node condition = coalesce();
      if (accept("?")) {
        Node then = ternary();
        expect(":");
        Node otherwise = ternary();
        return env -> bool(condition.eval(env), "?") ? then.eval(env) : otherwise.eval(env);
      }
      return condition;
    }

    private Node coalesce() {
      Node left = or();
      while (accept("??")) {
        Node l = left;
        Node r = or();
        left =
            env -> {
              Object v = l.eval(env);
              return v != null ? v : r.eval(env);
            };
      }
      return left;
    }

    private Node or() {
      Node left = and();
      while (accept("||") || accept("or")) {
        Node l = left;
        Node r = and();
        left = env -> bool(l.eval(env), "||") || bool(r.eval(env), "||");
      }
      return left;
    }

    private Node and() {
      Node left = comparison();
      while (accept("&&") || accept("and")) {
        Node l = left;
        Node r = comparison();
        left = env -> bool(l.eval(env), "&&") && bool(r.eval(env), "&&");
      }
      return left;
    }

    private Node comparison() {
      Node left = additive();
      while (true) {
        boolean negated = peek().is("not") && tokens.get(at + 1).is("in");
        if (negated) {
          at++;
        }
        String op = peek().text();
        if (peek().kind() != Kind.OPERATOR
            || !List.of(
                    "==",
                    "!=",
                    "<",
                    "<=",
                    ">",
                    ">=",
                    "in",
                    "contains",
                    "startsWith",
                    "endsWith",
                    "matches")
                .contains(op)) {
          return left;
        }
        at++;
        Node l = left;
        Node r = additive();
        left = env -> negated != compare(op, l.eval(env), r.eval(env));
      }
    }

    private Node additive() {
      Node left = multiplicative();
      while (peek().is("+") || peek().is("-")) {
        String op = tokens.get(at++).text();
        Node l = left;
        Node r = multiplicative();
        left =
            env -> {
              Object a = l.eval(env);
              Object b = r.eval(env);
              if (op.equals("+") && a instanceof String && b instanceof String) {
                return a + (String) b;
              }
              return op.equals("+") ? number(a, op) + number(b, op) : number(a, op) - number(b, op);
            };
      }
      return left;
    }

    private Node multiplicative() {
      Node left = power();
      while (peek().is("*") || peek().is("/") || peek().is("%")) {
        String op = tokens.get(at++).text();
        Node l = left;
        Node r = power();
        left =
            env -> {
              double a = number(l.eval(env), op);
              double b = number(r.eval(env), op);
              return op.equals("*") ? a * b : op.equals("/") ? a / b : a % b;
            };
      }
      return left;
    }

    private Node power() {
      Node left = unary();
      if (accept("**") || accept("^")) {
        Node r = power();
        return env -> Math.pow(number(left.eval(env), "**"), number(r.eval(env), "**"));
      }
      return left;
    }

    private Node unary() {
      if (accept("!") || accept("not")) {
        Node operand = unary();
        return env -> !bool(operand.eval(env), "not");
      }
      if (accept("-")) {
        Node operand = unary();
        return env -> -number(operand.eval(env), "-");
      }
      if (accept("+")) {
        Node operand = unary();
        return env -> number(operand.eval(env), "+");
      }
      return postfix(primary());
    }

    private Node postfix(Node node) {
      while (true) {
        if (peek().is(".") || peek().is("?.")) {
          at++;
          Token name = tokens.get(at++);
          if (name.kind() != Kind.NAME && name.kind() != Kind.OPERATOR) {
            throw new ExpressionException("expected a name at position " + name.position());
          }
          Node receiver = node;
          node = env -> member(receiver.eval(env), name.text());
        } else if (accept("[")) {
          Node receiver = node;
          Node index = ternary();
          expect("]");
          node = env -> member(receiver.eval(env), index.eval(env));
        } else {
          return node;
        }
      }
    }

    private Node primary() {
      Token t = tokens.get(at++);
      switch (t.kind()) {
        case NUMBER, STRING -> {
          Object value = t.value();
          return env -> value;
        }
        case NAME -> {
          String name = t.text();
          if (name.equals("true") || name.equals("false")) {
            Boolean value = Boolean.valueOf(name);
            return env -> value;
          }
          if (name.equals("nil")) {
            return env -> null;
          }
          if (accept("(")) {
            List<Node> args = new ArrayList<>();
            if (!accept(")")) {
              do {
                args.add(ternary());
              } while (accept(","));
              expect(")");
            }
            return env ->
                ExprLangFunctions.call(name, args.stream().map(a -> a.eval(env)).toList());
          }
          return env -> {
            if (env == null || !env.containsKey(name)) {
              throw new ExpressionException("unknown name " + name);
            }
            return env.get(name);
          };
        }
        case PUNCT -> {
          if (t.text().equals("(")) {
            Node inner = ternary();
            expect(")");
            return inner;
          }
          if (t.text().equals("[")) {
            List<Node> items = new ArrayList<>();
            if (!accept("]")) {
              do {
                items.add(ternary());
              } while (accept(","));
              expect("]");
            }
            return env -> {
              List<Object> values = new ArrayList<>();
              items.forEach(i -> values.add(i.eval(env)));
              return values;
            };
          }
          throw new ExpressionException(
              "unexpected '" + t.text() + "' at position " + t.position());
        }
        case END -> throw new ExpressionException("unexpected end of expression");
        default ->
            throw new ExpressionException(
                "unexpected '" + t.text() + "' at position " + t.position());
      }
    }
  }

  private static Object member(Object receiver, Object key) {
    if (receiver instanceof Map<?, ?> map) {
      return map.get(key instanceof String ? key : GoFormat.print(key));
    }
    if (receiver instanceof List<?> list && key instanceof Double d) {
      int i = d.intValue() < 0 ? list.size() + d.intValue() : d.intValue();
      if (i < 0 || i >= list.size()) {
        throw new ExpressionException(
            "index out of range: " + d.intValue() + " (array length is " + list.size() + ")");
      }
      return list.get(i);
    }
    if (receiver == null) {
      return null;
    }
    throw new ExpressionException(
        "cannot fetch " + GoFormat.print(key) + " from " + GoFormat.typeName(receiver));
  }

  static boolean equal(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a, b);
  }

  private static boolean compare(String op, Object a, Object b) {
    switch (op) {
      case "==":
        return equal(a, b);
      case "!=":
        return !equal(a, b);
      case "in":
        if (b instanceof List<?> list) {
          return list.stream().anyMatch(e -> equal(e, a));
        }
        if (b instanceof Map<?, ?> map) {
          return map.containsKey(a);
        }
        throw new ExpressionException("operator in not defined on " + GoFormat.typeName(b));
      case "contains", "startsWith", "endsWith", "matches":
        {
          if (!(a instanceof String s) || !(b instanceof String t)) {
            throw new ExpressionException("operator " + op + " needs two strings");
          }
          if (op.equals("matches")) {
            try {
              return Pattern.compile(t).matcher(s).find();
            } catch (PatternSyntaxException e) {
              throw new ExpressionException(
                  "invalid regular expression '" + t + "': " + e.getDescription());
            }
          }
          return op.equals("contains")
              ? s.contains(t)
              : op.equals("startsWith") ? s.startsWith(t) : s.endsWith(t);
        }
      default:
        {
          int c;
          if (a instanceof Double x && b instanceof Double y) {
            c = Double.compare(x, y);
          } else if (a instanceof String x && b instanceof String y) {
            c = x.compareTo(y);
          } else {
            throw new ExpressionException(
                "invalid operation: "
                    + GoFormat.typeName(a)
                    + " "
                    + op
                    + " "
                    + GoFormat.typeName(b));
          }
          return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
          };
        }
    }
  }

  private static boolean bool(Object v, String op) {
    if (!(v instanceof Boolean)) {
      throw new ExpressionException("invalid operation: " + op + " on " + GoFormat.typeName(v));
    }
    return (Boolean) v;
  }

  private static double number(Object v, String op) {
    if (!(v instanceof Double)) {
      throw new ExpressionException("invalid operation: " + op + " on " + GoFormat.typeName(v));
    }
    return (Double) v;
  }
}
