package io.caravan.generator.source.resource;

import io.caravan.api.eventsource.resource.ResourceEventSource;
import io.caravan.api.eventsource.resource.ResourceFilter;
import io.caravan.api.eventsource.resource.ResourceSelector;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.source.SourceEvent;
import io.caravan.generator.source.SourceType;
import io.caravan.generator.yaml.RoutesYaml;
import io.caravan.generator.yaml.UriParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.resource} events → {@code kamelet:resource-source}: a list-and-watch of one
 * group/version/resource whose progress survives restarts (inventory §1.4, §1.5.3, §2.3). The label
 * filter becomes the server-side selector here, in Kubernetes' spelling; the field filters go to
 * the runtime as JSON. Argo has no {@code filter.expression} for this type.
 */
public final class ResourceSourceType implements SourceType<ResourceEventSource> {

  @Override
  public String key() {
    return "resource";
  }

  @Override
  public Class<ResourceEventSource> model() {
    return ResourceEventSource.class;
  }

  @Override
  public void check(SourceEvent<ResourceEventSource> event, List<Diagnostic> out) {
    ResourceRules.check(event, out);
  }

  @Override
  public Map<String, Object> from(SourceEvent<ResourceEventSource> event, Diagnostics diagnostics) {
    List<Diagnostic> found = new ArrayList<>();
    ResourceRules.check(event, found);
    diagnostics.addAll(found);
    if (found.stream().anyMatch(Diagnostic::isError)) {
      return null;
    }
    ResourceEventSource resource = event.config();
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("eventSourceName", event.eventSourceName());
    parameters.put("eventName", event.eventName());
    parameters.put("group", resource.getGroup() == null ? "" : resource.getGroup());
    parameters.put("version", resource.getVersion());
    parameters.put("resource", resource.getResource());
    if (resource.getNamespace() != null && !resource.getNamespace().isEmpty()) {
      parameters.put("namespace", resource.getNamespace());
    }
    parameters.put("eventTypes", String.join(",", new LinkedHashSet<>(resource.getEventTypes())));
    ResourceFilter filter = resource.getFilter();
    if (filter != null) {
      putIfSet(parameters, "labelSelector", ResourceRules.labelSelector(filter.getLabels()));
      if (filter.getFields() != null && !filter.getFields().isEmpty()) {
        parameters.put("fields", RoutesYaml.compactJson(fields(filter.getFields())));
      }
      if (filter.getPrefix() != null && !filter.getPrefix().isEmpty()) {
        parameters.put("prefix", filter.getPrefix());
      }
      if (filter.getCreatedBy() != null && !filter.getCreatedBy().isBlank()) {
        parameters.put("createdBy", filter.getCreatedBy());
      }
      if (Boolean.TRUE.equals(filter.getAfterStart())) {
        parameters.put("afterStart", Boolean.TRUE);
      }
    }
    if (resource.getMetadata() != null && !resource.getMetadata().isEmpty()) {
      parameters.put("metadata", RoutesYaml.compactJson(resource.getMetadata()));
    }
    Map<String, Object> from = new LinkedHashMap<>();
    from.put("uri", "kamelet:resource-source");
    from.put("parameters", UriParameters.of(parameters));
    return from;
  }

  private static List<Map<String, String>> fields(List<ResourceSelector> selectors) {
    List<Map<String, String>> fields = new ArrayList<>();
    for (ResourceSelector selector : selectors) {
      Map<String, String> field = new LinkedHashMap<>();
      field.put("key", selector.getKey());
      field.put("operation", selector.getOperation() == null ? "" : selector.getOperation());
      field.put("value", selector.getValue() == null ? "" : selector.getValue());
      fields.add(field);
    }
    return fields;
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
