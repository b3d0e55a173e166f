package io.caravan.expr;

import io.caravan.expr.TemplateLexer.Kind;
import io.caravan.expr.TemplateLexer.Token;
import io.caravan.expr.TemplateNodes.Action;
import io.caravan.expr.TemplateNodes.Block;
import io.caravan.expr.TemplateNodes.Chain;
import io.caravan.expr.TemplateNodes.Command;
import io.caravan.expr.TemplateNodes.Dot;
import io.caravan.expr.TemplateNodes.Function;
import io.caravan.expr.TemplateNodes.Literal;
import io.caravan.expr.TemplateNodes.Node;
import io.caravan.expr.TemplateNodes.Operand;
import io.caravan.expr.TemplateNodes.Pipeline;
import io.caravan.expr.TemplateNodes.SubPipeline;
import io.caravan.expr.TemplateNodes.Text;
import io.caravan.expr.TemplateNodes.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Builds the node tree of a Go template from its tokens; unknown functions fail here, as in Go. */
final class TemplateParser {
  private enum End {
    END,
    ELSE,
    ELSE_IF,
    EOF
  }

  private static final Set<String> UNSUPPORTED =
      Set.of("define", "template", "block", "break", "continue");

  private final List<Token> tokens;
  private final Set<String> functions;
  private int p;

  private TemplateParser(List<Token> tokens, Set<String> functions) {
    this.tokens = tokens;
    this.functions = functions;
  }

  static List<Node> parse(String source, Set<String> functions) {
    TemplateParser parser = new TemplateParser(TemplateLexer.lex(source), functions);
    List<Node> nodes = new ArrayList<>();
    End end = parser.list(nodes);
    if (end != End.EOF) {
      throw new TemplateException("template: unexpected {{" + end.name().toLowerCase() + "}}");
    }
    return nodes;
  }

  /** Parses nodes into {@code into} until {@code {{end}}}, {@code {{else}}} or the end of input. */
  private End list(List<Node> into) {
    while (true) {
      Token token = next();
      if (token.kind() == Kind.EOF) {
        return End.EOF;
      }
      if (token.kind() == Kind.TEXT) {
        into.add(new Text(token.text()));
        continue;
      }
      Token first = peek();
      if (first.kind() == Kind.COMMENT) {
        next();
        expect(Kind.CLOSE, "comment ends before closing delimiter");
        continue;
      }
      if (first.kind() == Kind.IDENT) {
        switch (first.text()) {
          case "end":
            next();
            expect(Kind.CLOSE, "unexpected token in end");
            return End.END;
          case "else":
            next();
            if (peek().kind() == Kind.IDENT && peek().text().equals("if")) {
              next();
              return End.ELSE_IF;
            }
            expect(Kind.CLOSE, "unexpected token in else");
            return End.ELSE;
          case "if":
          case "range":
          case "with":
            next();
            into.add(block(first.text()));
            continue;
          default:
            if (UNSUPPORTED.contains(first.text())) {
              throw new TemplateException("template: {{" + first.text() + "}} is not supported");
            }
        }
      }
      into.add(new Action(pipeline(Kind.CLOSE)));
    }
  }

  /** After {@code if}/{@code range}/{@code with} (or {@code else if}): pipeline, bodies, end. */
  private Block block(String keyword) {
    Pipeline pipeline = pipeline(Kind.CLOSE);
    List<Node> body = new ArrayList<>();
    End end = list(body);
    List<Node> otherwise = new ArrayList<>();
    if (end == End.ELSE) {
      end = list(otherwise);
      if (end != End.END) {
        throw new TemplateException("template: expected {{end}} after {{else}} of " + keyword);
      }
    } else if (end == End.ELSE_IF) {
      if (!keyword.equals("if")) {
        throw new TemplateException("template: {{else if}} inside " + keyword);
      }
      otherwise.add(block("if"));
    } else if (end != End.END) {
      throw new TemplateException("template: unexpected EOF, missing {{end}} of " + keyword);
    }
    return new Block(keyword, pipeline, body, otherwise);
  }

  private Pipeline pipeline(Kind close) {
    List<String> variables = new ArrayList<>();
    boolean declare = true;
    int start = p;
    while (peek().kind() == Kind.VARIABLE) {
      variables.add(next().text());
      Kind after = peek().kind();
      if (after == Kind.DECLARE || after == Kind.ASSIGN) {
        declare = next().kind() == Kind.DECLARE;
        break;
      }
      if (after != Kind.COMMA) {
        variables.clear();
        p = start;
        break;
      }
      next();
    }
    List<Command> commands = new ArrayList<>();
    while (true) {
      commands.add(command());
      Token token = next();
      if (token.kind() == close) {
        return new Pipeline(List.copyOf(variables), declare, List.copyOf(commands));
      }
      if (token.kind() != Kind.PIPE) {
        throw new TemplateException("template: unexpected \"" + token.text() + "\" in operand");
      }
    }
  }

  private Command command() {
    List<Operand> operands = new ArrayList<>();
    while (true) {
      Kind kind = peek().kind();
      if (kind == Kind.PIPE || kind == Kind.CLOSE || kind == Kind.RPAREN || kind == Kind.EOF) {
        break;
      }
      if (!operands.isEmpty() && !peek().spaced() && kind != Kind.LPAREN) {
        throw new TemplateException("template: missing space before \"" + peek().text() + "\"");
      }
      operands.add(operand());
    }
    if (operands.isEmpty()) {
      throw new TemplateException("template: missing value for command");
    }
    return new Command(List.copyOf(operands));
  }

  private Operand operand() {
    Token token = next();
    Operand base;
    switch (token.kind()) {
      case FIELD:
        p--;
        base = new Dot();
        break;
      case DOT:
        base = new Dot();
        return base;
      case VARIABLE:
        base = new Variable(token.text());
        break;
      case STRING:
      case NUMBER:
        return new Literal(token.value());
      case LPAREN:
        base = new SubPipeline(pipeline(Kind.RPAREN));
        break;
      case IDENT:
        switch (token.text()) {
          case "true":
            return new Literal(Boolean.TRUE);
          case "false":
            return new Literal(Boolean.FALSE);
          case "nil":
            return new Literal(null);
          default:
            if (!functions.contains(token.text())) {
              throw new TemplateException(
                  "template: function \"" + token.text() + "\" not defined");
            }
            return new Function(token.text());
        }
      default:
        throw new TemplateException("template: unexpected \"" + token.text() + "\" in operand");
    }
    List<String> fields = new ArrayList<>();
    while (peek().kind() == Kind.FIELD
        && (fields.isEmpty() && base instanceof Dot || !peek().spaced())) {
      fields.add(next().text());
    }
    return fields.isEmpty() ? base : new Chain(base, List.copyOf(fields));
  }

  private Token next() {
    return tokens.get(p++);
  }

  private Token peek() {
    return tokens.get(p);
  }

  private void expect(Kind kind, String message) {
    if (next().kind() != kind) {
      throw new TemplateException("template: " + message);
    }
  }
}
