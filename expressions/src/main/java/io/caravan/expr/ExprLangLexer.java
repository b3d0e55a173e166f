package io.caravan.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits an expr-lang expression (the syntax of Argo's EventSource {@code filter.expression}) into
 * tokens: numbers, strings in double or single quotes, names, the word operators ({@code and or not
 * in contains startsWith endsWith matches}), symbols and brackets.
 */
final class ExprLangLexer {
  enum Kind {
    NUMBER,
    STRING,
    NAME,
    OPERATOR,
    PUNCT,
    END
  }

  record Token(Kind kind, String text, Object value, int position) {
    boolean is(String s) {
      return (kind == Kind.OPERATOR || kind == Kind.PUNCT) && text.equals(s);
    }
  }

  static final Set<String> WORD_OPERATORS =
      Set.of("and", "or", "not", "in", "contains", "startsWith", "endsWith", "matches");
  private static final String[] SYMBOLS = {
    "?.", "??", "**", "==", "!=", ">=", "<=", "&&", "||", "..", "+", "-", "*", "/", "%", "^", ">",
    "<", "!", "?", ":", ".", ",", "(", ")", "[", "]"
  };

  private ExprLangLexer() {}

  static List<Token> tokens(String source) {
    List<Token> tokens = new ArrayList<>();
    int pos = 0;
    outer:
    while (true) {
      while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
        pos++;
      }
      if (pos >= source.length()) {
        tokens.add(new Token(Kind.END, "", null, pos));
        return tokens;
      }
      int start = pos;
      char c = source.charAt(pos);
      if (c == '"' || c == '\'') {
        StringBuilder text = new StringBuilder();
        pos++;
        while (true) {
          if (pos >= source.length()) {
            throw new ExpressionException("unclosed string literal at position " + start);
          }
          char d = source.charAt(pos++);
          if (d == c) {
            break;
          }
          if (d == '\\' && pos < source.length()) {
            char e = source.charAt(pos++);
            text.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
          } else {
            text.append(d);
          }
        }
        tokens.add(new Token(Kind.STRING, text.toString(), text.toString(), start));
        continue;
      }
      if (Character.isDigit(c)) {
        while (pos < source.length()
            && (Character.isDigit(source.charAt(pos))
                || source.charAt(pos) == '_'
                || (source.charAt(pos) == '.'
                    && pos + 1 < source.length()
                    && Character.isDigit(source.charAt(pos + 1))))) {
          pos++;
        }
        if (pos < source.length() && (source.charAt(pos) == 'e' || source.charAt(pos) == 'E')) {
          pos++;
          if (pos < source.length() && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) {
            pos++;
          }
          while (pos < source.length() && Character.isDigit(source.charAt(pos))) {
            pos++;
          }
        }
        String text = source.substring(start, pos);
        tokens.add(new Token(Kind.NUMBER, text, Double.parseDouble(text.replace("_", "")), start));
        continue;
      }
      if (Character.isLetter(c) || c == '_' || c == '$') {
        while (pos < source.length()
            && (Character.isLetterOrDigit(source.charAt(pos))
                || source.charAt(pos) == '_'
                || source.charAt(pos) == '$')) {
          pos++;
        }
        String word = source.substring(start, pos);
        tokens.add(
            new Token(
                WORD_OPERATORS.contains(word) ? Kind.OPERATOR : Kind.NAME, word, null, start));
        continue;
      }
      for (String symbol : SYMBOLS) {
        if (source.startsWith(symbol, pos)) {
          pos += symbol.length();
          boolean punct =
              symbol.equals("(")
                  || symbol.equals(")")
                  || symbol.equals("[")
                  || symbol.equals("]")
                  || symbol.equals(",")
                  || symbol.equals(".")
                  || symbol.equals("?.")
                  || symbol.equals(":");
          tokens.add(new Token(punct ? Kind.PUNCT : Kind.OPERATOR, symbol, null, start));
          continue outer;
        }
      }
      throw new ExpressionException("unexpected character '" + c + "' at position " + start);
    }
  }
}
