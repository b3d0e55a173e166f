package io.caravan.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a govaluate expression (the syntax of Argo's {@code filters.exprs[].expr}) into tokens:
 * numbers (decimal, {@code 0x} hex), strings in double or single quotes with backslash escapes,
 * {@code true} / {@code false}, parameter names ({@code name}, {@code a_b}, or any text in brackets
 * {@code [a-b c]}), operators and parentheses. Faults are {@link ExpressionException}s naming the
 * position.
 */
final class GovaluateLexer {
  enum Kind {
    NUMBER,
    STRING,
    BOOL,
    NAME,
    OPERATOR,
    OPEN,
    CLOSE,
    COMMA,
    END
  }

  record Token(Kind kind, String text, Object value, int position) {
    boolean is(String operator) {
      return kind == Kind.OPERATOR && text.equals(operator);
    }
  }

  /** Longest first, so that {@code >=} is not read as {@code >} then {@code =}. */
  private static final String[] OPERATORS = {
    "**", "==", "!=", ">=", "<=", "=~", "!~", "&&", "||", "<<", ">>", "??", "+", "-", "*", "/", "%",
    ">", "<", "!", "~", "&", "|", "^", "?", ":"
  };

  private final String source;
  private int pos;

  private GovaluateLexer(String source) {
    this.source = source;
  }

  static List<Token> tokens(String source) {
    GovaluateLexer lexer = new GovaluateLexer(source);
    List<Token> tokens = new ArrayList<>();
    Token token;
    do {
      token = lexer.next();
      tokens.add(token);
    } while (token.kind() != Kind.END);
    return tokens;
  }

  private Token next() {
    while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
      pos++;
    }
    int start = pos;
    if (pos >= source.length()) {
      return new Token(Kind.END, "", null, start);
    }
    char c = source.charAt(pos);
    if (c == '(') {
      pos++;
      return new Token(Kind.OPEN, "(", null, start);
    }
    if (c == ')') {
      pos++;
      return new Token(Kind.CLOSE, ")", null, start);
    }
    if (c == ',') {
      pos++;
      return new Token(Kind.COMMA, ",", null, start);
    }
    if (c == '"' || c == '\'') {
      return string(c, start);
    }
    if (c == '[') {
      int close = source.indexOf(']', pos);
      if (close < 0) {
        throw new ExpressionException("unclosed parameter bracket at position " + start);
      }
      pos = close + 1;
      return new Token(Kind.NAME, source.substring(start + 1, close), null, start);
    }
    if (Character.isDigit(c)
        || (c == '.' && pos + 1 < source.length() && Character.isDigit(source.charAt(pos + 1)))) {
      return number(start);
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < source.length()) {
        char d = source.charAt(pos);
        if (!(Character.isLetterOrDigit(d) || d == '_' || d == '.')) {
          break;
        }
        pos++;
      }
      String word = source.substring(start, pos);
      if (word.equals("true") || word.equals("false")) {
        return new Token(Kind.BOOL, word, Boolean.valueOf(word), start);
      }
      if (word.equals("in")) {
        return new Token(Kind.OPERATOR, "in", null, start);
      }
      return new Token(Kind.NAME, word, null, start);
    }
    for (String op : OPERATORS) {
      if (source.startsWith(op, pos)) {
        pos += op.length();
        if ((op.equals("==") || op.equals("!="))
            && pos < source.length()
            && source.charAt(pos) == '=') {
          throw new ExpressionException("invalid operator '" + op + "=' at position " + start);
        }
        return new Token(Kind.OPERATOR, op, null, start);
      }
    }
    throw new ExpressionException("invalid character '" + c + "' at position " + start);
  }

  private Token string(char quote, int start) {
    StringBuilder text = new StringBuilder();
    pos++;
    while (pos < source.length()) {
      char c = source.charAt(pos++);
      if (c == quote) {
        return new Token(Kind.STRING, text.toString(), text.toString(), start);
      }
      if (c == '\\' && pos < source.length()) {
        char e = source.charAt(pos++);
        switch (e) {
          case 'n' -> text.append('\n');
          case 't' -> text.append('\t');
          case 'r' -> text.append('\r');
          default -> text.append(e);
        }
      } else {
        text.append(c);
      }
    }
    throw new ExpressionException("unclosed string literal at position " + start);
  }

  private Token number(int start) {
    if (source.startsWith("0x", pos) || source.startsWith("0X", pos)) {
      pos += 2;
      while (pos < source.length() && Character.digit(source.charAt(pos), 16) >= 0) {
        pos++;
      }
      String hex = source.substring(start + 2, pos);
      if (hex.isEmpty()) {
        throw new ExpressionException("invalid hex number at position " + start);
      }
      return new Token(
          Kind.NUMBER, source.substring(start, pos), (double) Long.parseLong(hex, 16), start);
    }
    while (pos < source.length()
        && (Character.isDigit(source.charAt(pos)) || source.charAt(pos) == '.')) {
      pos++;
    }
    String text = source.substring(start, pos);
    try {
      return new Token(Kind.NUMBER, text, Double.parseDouble(text), start);
    } catch (NumberFormatException e) {
      throw new ExpressionException("invalid number '" + text + "' at position " + start);
    }
  }
}
