package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;
import java.util.List;

/** Boolean expression over variables bound from the event data. */
public class ExprFilter extends ArgoObject {

  private String expr;
  private List<PayloadField> fields;

  public String getExpr() {
    return expr;
  }

  public void setExpr(String expr) {
    this.expr = expr;
  }

  public List<PayloadField> getFields() {
    return fields;
  }

  public void setFields(List<PayloadField> fields) {
    this.fields = fields;
  }
}
