package io.caravan.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Go template into text and action tokens, applying the {@code {{-}} / {@code -}}} trims.
 */
final class TemplateLexer {
  enum Kind {
    TEXT,
    OPEN,
    CLOSE,
    COMMENT,
    FIELD,
    DOT,
    VARIABLE,
    IDENT,
    STRING,
    NUMBER,
    PIPE,
    LPAREN,
    RPAREN,
    DECLARE,
    ASSIGN,
    COMMA,
    EOF
  }

  /** A token; {@code spaced} is true when whitespace precedes it inside an action. */
  record Token(Kind kind, String text, Object value, boolean spaced) {}

  private static final Pattern NUMBER =
      Pattern.compile(
          "[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\\d[\\d_]*)?(\\.\\d*)?([eE][+-]?\\d+)?)");

  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private boolean spaced;

  private TemplateLexer(String src) {
    this.src = src;
  }

  static List<Token> lex(String src) {
    TemplateLexer lexer = new TemplateLexer(src);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    boolean trimNext = false;
    while (pos < src.length()) {
      int open = src.indexOf("{{", pos);
      String text = src.substring(pos, open < 0 ? src.length() : open);
      if (trimNext) {
        text = text.replaceFirst("^[ \\t\\r\\n]+", "");
      }
      boolean trimLeft =
          open >= 0
              && src.startsWith("-", open + 2)
              && open + 3 < src.length()
              && isSpace(src.charAt(open + 3));
      if (trimLeft) {
        text = text.replaceFirst("[ \\t\\r\\n]+$", "");
      }
      if (!text.isEmpty()) {
        tokens.add(new Token(Kind.TEXT, text, text, false));
      }
      if (open < 0) {
        break;
      }
      pos = open + (trimLeft ? 4 : 2);
      tokens.add(new Token(Kind.OPEN, "{{", null, false));
      trimNext = action();
    }
    tokens.add(new Token(Kind.EOF, "", null, false));
  }

  /**
   * Lexes one action up to and including its closing delimiter; true when it ends with {@code -}}}.
   */
  private boolean action() {
    spaced = false;
    skipSpaces();
    if (src.startsWith("/*", pos)) {
      int end = src.indexOf("*/", pos + 2);
      if (end < 0) {
        throw error("unclosed comment");
      }
      tokens.add(new Token(Kind.COMMENT, src.substring(pos, end + 2), null, false));
      pos = end + 2;
    }
    while (true) {
      if (pos >= src.length()) {
        throw error("unclosed action");
      }
      char c = src.charAt(pos);
      if (isSpace(c)) {
        if (src.startsWith("-}}", pos + 1)) {
          pos += 4;
          tokens.add(new Token(Kind.CLOSE, "}}", null, spaced));
          return true;
        }
        skipSpaces();
        continue;
      }
      if (src.startsWith("}}", pos)) {
        pos += 2;
        tokens.add(new Token(Kind.CLOSE, "}}", null, spaced));
        return false;
      }
      lexToken(c);
      spaced = false;
    }
  }

  private void lexToken(char c) {
    switch (c) {
      case '|':
        simple(Kind.PIPE, 1);
        return;
      case '(':
        simple(Kind.LPAREN, 1);
        return;
      case ')':
        simple(Kind.RPAREN, 1);
        return;
      case ',':
        simple(Kind.COMMA, 1);
        return;
      case '=':
        simple(Kind.ASSIGN, 1);
        return;
      case ':':
        if (src.startsWith(":=", pos)) {
          simple(Kind.DECLARE, 2);
          return;
        }
        throw error("expected :=");
      case '"':
        quoted();
        return;
      case '`':
        raw();
        return;
      case '\'':
        character();
        return;
      case '$':
        {
          int end = identifierEnd(pos + 1);
          add(Kind.VARIABLE, src.substring(pos, end), null, end);
          return;
        }
      case '.':
        if (pos + 1 < src.length() && isIdentStart(src.charAt(pos + 1))) {
          int end = identifierEnd(pos + 1);
          add(Kind.FIELD, src.substring(pos + 1, end), null, end);
          return;
        }
        if (pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
          number();
          return;
        }
        simple(Kind.DOT, 1);
        return;
      default:
        if (Character.isDigit(c)
            || ((c == '-' || c == '+')
                && pos + 1 < src.length()
                && (Character.isDigit(src.charAt(pos + 1)) || src.charAt(pos + 1) == '.'))) {
          number();
        } else if (isIdentStart(c)) {
          int end = identifierEnd(pos);
          add(Kind.IDENT, src.substring(pos, end), null, end);
        } else {
          throw error("unexpected \"" + c + "\" in command");
        }
    }
  }

  private void number() {
    Matcher m = NUMBER.matcher(src);
    m.region(pos, src.length());
    if (!m.lookingAt() || m.end() == pos) {
      throw error("bad number syntax");
    }
    String text = src.substring(pos, m.end());
    add(Kind.NUMBER, text, parseNumber(text), m.end());
  }

  private Object parseNumber(String text) {
    String clean = text.replace("_", "");
    boolean negative = clean.startsWith("-");
    String body = clean.replaceFirst("^[+-]", "");
    String lower = body.toLowerCase();
    try {
      long magnitude;
      if (lower.startsWith("0x")) {
        magnitude = Long.parseLong(body.substring(2), 16);
      } else if (lower.startsWith("0b")) {
        magnitude = Long.parseLong(body.substring(2), 2);
      } else if (lower.startsWith("0o")) {
        magnitude = Long.parseLong(body.substring(2), 8);
      } else if (lower.contains(".") || lower.contains("e")) {
        return Double.parseDouble(clean);
      } else if (body.length() > 1 && body.startsWith("0")) {
        magnitude = Long.parseLong(body.substring(1), 8);
      } else {
        magnitude = Long.parseLong(body);
      }
      return negative ? -magnitude : magnitude;
    } catch (NumberFormatException e) {
      throw error("bad number syntax: " + text);
    }
  }

  private void quoted() {
    StringBuilder out = new StringBuilder();
    int i = pos + 1;
    while (true) {
      if (i >= src.length() || src.charAt(i) == '\n') {
        throw error("unterminated quoted string");
      }
      char c = src.charAt(i);
      if (c == '"') {
        break;
      }
      if (c == '\\') {
        i = escape(i + 1, out);
      } else {
        out.append(c);
        i++;
      }
    }
    add(Kind.STRING, src.substring(pos, i + 1), out.toString(), i + 1);
  }

  private int escape(int i, StringBuilder out) {
    if (i >= src.length()) {
      throw error("unterminated quoted string");
    }
    char c = src.charAt(i);
    switch (c) {
      case 'n':
        out.append('\n');
        return i + 1;
      case 't':
        out.append('\t');
        return i + 1;
      case 'r':
        out.append('\r');
        return i + 1;
      case 'a':
        out.append('\u0007');
        return i + 1;
      case 'b':
        out.append('\b');
        return i + 1;
      case 'f':
        out.append('\f');
        return i + 1;
      case 'v':
        out.append('\u000b');
        return i + 1;
      case '\\':
      case '"':
      case '\'':
        out.append(c);
        return i + 1;
      case 'x':
        return hex(i + 1, 2, out);
      case 'u':
        return hex(i + 1, 4, out);
      case 'U':
        return hex(i + 1, 8, out);
      default:
        if (c >= '0' && c <= '7' && i + 3 <= src.length()) {
          out.append((char) Integer.parseInt(src.substring(i, i + 3), 8));
          return i + 3;
        }
        throw error("unknown escape sequence \\" + c);
    }
  }

  private int hex(int i, int digits, StringBuilder out) {
    if (i + digits > src.length()) {
      throw error("bad escape sequence");
    }
    out.appendCodePoint(Integer.parseInt(src.substring(i, i + digits), 16));
    return i + digits;
  }

  private void raw() {
    int end = src.indexOf('`', pos + 1);
    if (end < 0) {
      throw error("unterminated raw quoted string");
    }
    add(Kind.STRING, src.substring(pos, end + 1), src.substring(pos + 1, end), end + 1);
  }

  private void character() {
    StringBuilder out = new StringBuilder();
    int i = pos + 1;
    i = i < src.length() && src.charAt(i) == '\\' ? escape(i + 1, out) : i + 1;
    if (i >= src.length() || src.charAt(i) != '\'') {
      throw error("unterminated character constant");
    }
    String value = out.length() > 0 ? out.toString() : src.substring(pos + 1, i);
    add(Kind.NUMBER, src.substring(pos, i + 1), (long) value.codePointAt(0), i + 1);
  }

  private void simple(Kind kind, int length) {
    add(kind, src.substring(pos, pos + length), null, pos + length);
  }

  private void add(Kind kind, String text, Object value, int end) {
    tokens.add(new Token(kind, text, value, spaced));
    pos = end;
  }

  private void skipSpaces() {
    while (pos < src.length() && isSpace(src.charAt(pos))) {
      pos++;
      spaced = true;
    }
  }

  private int identifierEnd(int from) {
    int i = from;
    while (i < src.length() && (isIdentStart(src.charAt(i)) || Character.isDigit(src.charAt(i)))) {
      i++;
    }
    return i;
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private TemplateException error(String message) {
    int line = 1;
    for (int i = 0; i < Math.min(pos, src.length()); i++) {
      line += src.charAt(i) == '\n' ? 1 : 0;
    }
    return new TemplateException("template: " + line + ": " + message);
  }
}
