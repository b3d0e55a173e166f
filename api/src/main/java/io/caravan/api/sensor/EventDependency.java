package io.caravan.api.sensor;

import io.caravan.api.ArgoObject;

/** One {@code spec.dependencies[]} entry: which event a sensor waits for. */
public class EventDependency extends ArgoObject {

  private String name;
  private String eventSourceName;
  private String eventName;
  private EventDependencyFilter filters;
  private String filtersLogicalOperator;
  private EventDependencyTransformer transform;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEventSourceName() {
    return eventSourceName;
  }

  public void setEventSourceName(String eventSourceName) {
    this.eventSourceName = eventSourceName;
  }

  public String getEventName() {
    return eventName;
  }

  public void setEventName(String eventName) {
    this.eventName = eventName;
  }

  public EventDependencyFilter getFilters() {
    return filters;
  }

  public void setFilters(EventDependencyFilter filters) {
    this.filters = filters;
  }

  public String getFiltersLogicalOperator() {
    return filtersLogicalOperator;
  }

  public void setFiltersLogicalOperator(String filtersLogicalOperator) {
    this.filtersLogicalOperator = filtersLogicalOperator;
  }

  public EventDependencyTransformer getTransform() {
    return transform;
  }

  public void setTransform(EventDependencyTransformer transform) {
    this.transform = transform;
  }
}
