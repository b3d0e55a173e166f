package io.caravan.api.eventsource;

import io.caravan.api.ArgoObject;

/** Event-source level filter: an expr-language {@code expression} on the event data. */
public class EventSourceFilter extends ArgoObject {

  private String expression;

  public String getExpression() {
    return expression;
  }

  public void setExpression(String expression) {
    this.expression = expression;
  }
}
