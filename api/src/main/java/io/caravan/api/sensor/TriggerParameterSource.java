package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;

/** Where a trigger parameter takes its value from. */
public class TriggerParameterSource extends ArgoObject {

  private String dependencyName;
  private String contextKey;
  private String contextTemplate;
  private String dataKey;
  private String dataTemplate;
  private String value;
  private Boolean useRawData;

  public String getDependencyName() {
    return dependencyName;
  }

  public void setDependencyName(String dependencyName) {
    this.dependencyName = dependencyName;
  }

  public String getContextKey() {
    return contextKey;
  }

  public void setContextKey(String contextKey) {
    this.contextKey = contextKey;
  }

  public String getContextTemplate() {
    return contextTemplate;
  }

  public void setContextTemplate(String contextTemplate) {
    this.contextTemplate = contextTemplate;
  }

  public String getDataKey() {
    return dataKey;
  }

  public void setDataKey(String dataKey) {
    this.dataKey = dataKey;
  }

  public String getDataTemplate() {
    return dataTemplate;
  }

  public void setDataTemplate(String dataTemplate) {
    this.dataTemplate = dataTemplate;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public Boolean getUseRawData() {
    return useRawData;
  }

  public void setUseRawData(Boolean useRawData) {
    this.useRawData = useRawData;
  }
}
