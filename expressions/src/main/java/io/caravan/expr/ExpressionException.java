package io.caravan.expr;

/** An expression that cannot be parsed or evaluated; the message says why. */
public class ExpressionException extends RuntimeException {
  public ExpressionException(String message) {
    super(message);
  }
}
