package io.caravan.routes.source.resource;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** One resource event: the group/version/resource watched, its filters and event types. */
public class ResourceSourceEndpoint extends DefaultEndpoint {
  static final Set<String> EVENT_TYPES = Set.of("ADD", "UPDATE", "DELETE");

  private final String name;
  private String eventSourceName;
  private String eventName;
  private String group = "";
  private String version;
  private String resource;
  private String namespace;
  private String eventTypes;
  private String labelSelector;
  private String fields;
  private String prefix;
  private String createdBy;
  private boolean afterStart;
  private String metadata;

  ResourceSourceEndpoint(String uri, ResourceSourceComponent component, String name) {
    super(uri, component);
    this.name = name;
  }

  @Override
  public ResourceSourceComponent getComponent() {
    return (ResourceSourceComponent) super.getComponent();
  }

  /** {@code <eventSource>/<event>}, for logs. */
  public String getName() {
    return name;
  }

  @Override
  public Producer createProducer() {
    throw new UnsupportedOperationException(
        "argo-resource endpoints only consume: " + getEndpointUri());
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    if (blank(version) || blank(resource) || blank(eventSourceName) || blank(eventName)) {
      throw new IllegalArgumentException(
          "argo-resource "
              + name
              + ": eventSourceName, eventName, version and resource are required");
    }
    eventTypeSet();
    ResourceSourceConsumer consumer = new ResourceSourceConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  /** The event types asked for; an unknown one fails the start (Argo: "unknown event type"). */
  Set<String> eventTypeSet() {
    Set<String> types = new LinkedHashSet<>();
    if (eventTypes != null) {
      for (String type : eventTypes.split(",")) {
        String trimmed = type.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        if (!EVENT_TYPES.contains(trimmed)) {
          throw new IllegalArgumentException(
              "argo-resource " + name + ": unknown event type: " + trimmed);
        }
        types.add(trimmed);
      }
    }
    return types;
  }

  /** {@code group/version/resource}, the core group as {@code v1/…}, for logs. */
  String gvr() {
    return (blank(group) ? "" : group + "/") + version + "/" + resource;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
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

  /** API group; empty for the core group. */
  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group == null ? "" : group;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  /** Plural resource name. */
  public String getResource() {
    return resource;
  }

  public void setResource(String resource) {
    this.resource = resource;
  }

  /** Namespace watched; empty for all. */
  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  /** Comma-separated ADD, UPDATE, DELETE. */
  public String getEventTypes() {
    return eventTypes;
  }

  public void setEventTypes(String eventTypes) {
    this.eventTypes = eventTypes;
  }

  /** Label selector sent with the list and the watch. */
  public String getLabelSelector() {
    return labelSelector;
  }

  public void setLabelSelector(String labelSelector) {
    this.labelSelector = labelSelector;
  }

  /** JSON array of {key, operation, value}. */
  public String getFields() {
    return fields;
  }

  public void setFields(String fields) {
    this.fields = fields;
  }

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  /** RFC 3339 time: objects created after it are dropped. */
  public String getCreatedBy() {
    return createdBy;
  }

  public void setCreatedBy(String createdBy) {
    this.createdBy = createdBy;
  }

  public boolean isAfterStart() {
    return afterStart;
  }

  public void setAfterStart(boolean afterStart) {
    this.afterStart = afterStart;
  }

  /** JSON object text copied into every event. */
  public String getMetadata() {
    return metadata;
  }

  public void setMetadata(String metadata) {
    this.metadata = metadata;
  }
}
