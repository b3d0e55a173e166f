package io.caravan.routes.runtime;

/** Test bean with one text property, to check what placeholders do to bean properties. */
public class TextHolder {
  private String text;

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
