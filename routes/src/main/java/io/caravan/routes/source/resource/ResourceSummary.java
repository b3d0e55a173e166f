package io.caravan.routes.source.resource;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;

/** {@code caravan run}'s line for a resource event: what is watched, where, and which changes. */
public final class ResourceSummary implements SourceSummary {
  @Override
  public String kamelet() {
    return "resource-source";
  }

  @Override
  public String heading() {
    return "Kubernetes resources";
  }

  @Override
  public String describe(Map<String, Object> parameters) {
    Object group = parameters.get("group");
    Object namespace = parameters.get("namespace");
    Object selector = parameters.get("labelSelector");
    return (group == null || group.toString().isEmpty() ? "" : group + "/")
        + parameters.get("version")
        + "/"
        + parameters.get("resource")
        + (namespace == null || namespace.toString().isEmpty()
            ? " in all namespaces"
            : " in namespace " + namespace)
        + (selector == null ? "" : " selected by '" + unraw(selector) + "'")
        + ": "
        + parameters.get("eventTypes");
  }

  private static String unraw(Object value) {
    String text = value.toString();
    return text.startsWith("RAW(") && text.endsWith(")")
        ? text.substring(4, text.length() - 1)
        : text;
  }
}
