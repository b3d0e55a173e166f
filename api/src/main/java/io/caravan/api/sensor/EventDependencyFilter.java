package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;
import java.util.List;

/** All filters of one dependency. */
public class EventDependencyFilter extends ArgoObject {

  private TimeFilter time;
  private EventContext context;
  private List<DataFilter> data;
  private List<ExprFilter> exprs;
  private String dataLogicalOperator;
  private String exprLogicalOperator;
  private String script;

  public TimeFilter getTime() {
    return time;
  }

  public void setTime(TimeFilter time) {
    this.time = time;
  }

  public EventContext getContext() {
    return context;
  }

  public void setContext(EventContext context) {
    this.context = context;
  }

  public List<DataFilter> getData() {
    return data;
  }

  public void setData(List<DataFilter> data) {
    this.data = data;
  }

  public List<ExprFilter> getExprs() {
    return exprs;
  }

  public void setExprs(List<ExprFilter> exprs) {
    this.exprs = exprs;
  }

  public String getDataLogicalOperator() {
    return dataLogicalOperator;
  }

  public void setDataLogicalOperator(String dataLogicalOperator) {
    this.dataLogicalOperator = dataLogicalOperator;
  }

  public String getExprLogicalOperator() {
    return exprLogicalOperator;
  }

  public void setExprLogicalOperator(String exprLogicalOperator) {
    this.exprLogicalOperator = exprLogicalOperator;
  }

  public String getScript() {
    return script;
  }

  public void setScript(String script) {
    this.script = script;
  }
}
