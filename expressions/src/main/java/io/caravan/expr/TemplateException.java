package io.caravan.expr;

/** A Go template that cannot be parsed or executed; the message says why, as Go would. */
public class TemplateException extends RuntimeException {
  public TemplateException(String message) {
    super(message);
  }
}
