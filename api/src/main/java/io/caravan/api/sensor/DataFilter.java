package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;
import java.util.List;

/** Filter on one value of the event data, addressed by a gjson-style {@code path}. */
public class DataFilter extends ArgoObject {

  private String path;
  private String type;
  private List<String> value;
  private String comparator;
  private String template;

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public List<String> getValue() {
    return value;
  }

  public void setValue(List<String> value) {
    this.value = value;
  }

  public String getComparator() {
    return comparator;
  }

  public void setComparator(String comparator) {
    this.comparator = comparator;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }
}
