package io.caravan.generator.source.resource;

import io.caravan.api.eventsource.resource.ResourceEventSource;
import io.caravan.api.eventsource.resource.ResourceFilter;
import io.caravan.api.eventsource.resource.ResourceSelector;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.source.SourceEvent;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Argo's checks of a resource event (inventory §1.4, §1.5.3, {@code validate.go}) with Argo's
 * messages, plus the checks Argo makes only when the listener starts (event types, the label
 * selector, {@code createdBy}), reported here so that a listener that would not start does not
 * compile.
 */
final class ResourceRules {
  static final Set<String> EVENT_TYPES = Set.of("ADD", "UPDATE", "DELETE");
  static final Set<String> LABEL_OPERATIONS =
      Set.of("=", "==", "!=", "in", "notin", "exists", "!", "gt", "lt");
  static final Set<String> FIELD_OPERATIONS = Set.of("=", "==", "!=");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  private ResourceRules() {}

  static void check(SourceEvent<ResourceEventSource> event, List<Diagnostic> out) {
    ResourceEventSource resource = event.config();
    if (resource == null) {
      out.add(Diagnostic.error(event.path(), "event source can't be nil"));
      return;
    }
    if (blank(resource.getVersion())) {
      out.add(Diagnostic.error(event.path("version"), "version must be specified"));
    }
    if (blank(resource.getResource())) {
      out.add(Diagnostic.error(event.path("resource"), "resource must be specified"));
    }
    if (resource.getEventTypes() == null) {
      out.add(Diagnostic.error(event.path("eventTypes"), "event types must be specified"));
    } else {
      for (int i = 0; i < resource.getEventTypes().size(); i++) {
        String type = resource.getEventTypes().get(i);
        if (!EVENT_TYPES.contains(type)) {
          out.add(
              Diagnostic.error(event.path("eventTypes[" + i + "]"), "unknown event type: " + type));
        }
      }
      if (resource.getEventTypes().isEmpty()) {
        out.add(
            Diagnostic.warning(
                event.path("eventTypes"), "no event types: the source sends no events (as Argo)"));
      }
    }
    ResourceFilter filter = resource.getFilter();
    if (filter == null) {
      return;
    }
    String path = event.path("filter");
    labels(path + ".labels", filter.getLabels(), out);
    fields(path + ".fields", filter.getFields(), out);
    if (!blank(filter.getCreatedBy())) {
      try {
        OffsetDateTime.parse(filter.getCreatedBy());
      } catch (DateTimeParseException e) {
        out.add(
            Diagnostic.error(
                path + ".createdBy",
                "createdBy '" + filter.getCreatedBy() + "' is not an RFC 3339 time"));
      }
    }
  }

  private static void labels(String path, List<ResourceSelector> labels, List<Diagnostic> out) {
    if (labels == null) {
      return;
    }
    for (int i = 0; i < labels.size(); i++) {
      ResourceSelector label = labels.get(i);
      String at = path + "[" + i + "]";
      if (label == null || blank(label.getKey())) {
        out.add(Diagnostic.error(at + ".key", "key can't be empty for selector"));
        continue;
      }
      String problem = labelProblem(label);
      if (problem != null) {
        out.add(
            Diagnostic.error(
                at, "failed to create the label selector for the event source, " + problem));
      }
    }
  }

  /** What Kubernetes' {@code labels.NewRequirement} refuses in one label selector, or null. */
  static String labelProblem(ResourceSelector label) {
    String op = operation(label);
    String value = label.getValue() == null ? "" : label.getValue();
    if (!LABEL_OPERATIONS.contains(op)) {
      return "operator '" + op + "' is not recognized";
    }
    List<String> values = values(op, value);
    switch (op) {
      case "in", "notin" -> {
        if (values.isEmpty()) {
          return "for 'in', 'notin' operators, values set can't be empty";
        }
      }
      case "=", "==", "!=" -> {
        if (values.size() != 1) {
          return "exact-match compatibility requires one single value";
        }
      }
      case "exists", "!" -> {
        if (!values.isEmpty()) {
          return "values set must be empty for exists and does not exist";
        }
      }
      default -> {
        if (values.size() != 1 || !value.matches("-?\\d+")) {
          return "for 'Gt', 'Lt' operators, the value must be an integer";
        }
      }
    }
    for (String one : values) {
      if (one.length() > 63 || !LABEL_VALUE.matcher(one).matches()) {
        return "invalid label value: \"" + one + "\"";
      }
    }
    return null;
  }

  /**
   * The label selector the API server is asked with, in Kubernetes' own spelling ({@code
   * Selector.String()}): requirements sorted by key, set values sorted.
   */
  static String labelSelector(List<ResourceSelector> labels) {
    if (labels == null || labels.isEmpty()) {
      return null;
    }
    List<ResourceSelector> sorted = new ArrayList<>(labels);
    sorted.sort((a, b) -> a.getKey().compareTo(b.getKey()));
    List<String> parts = new ArrayList<>();
    for (ResourceSelector label : sorted) {
      String op = operation(label);
      String value = label.getValue() == null ? "" : label.getValue();
      String key = label.getKey();
      parts.add(
          switch (op) {
            case "in", "notin" ->
                key + " " + op + " (" + String.join(",", new TreeSet<>(values(op, value))) + ")";
            case "exists" -> key;
            case "!" -> "!" + key;
            case "gt" -> key + ">" + value;
            case "lt" -> key + "<" + value;
            default -> key + op + value;
          });
    }
    return String.join(",", parts);
  }

  private static void fields(String path, List<ResourceSelector> fields, List<Diagnostic> out) {
    if (fields == null) {
      return;
    }
    for (int i = 0; i < fields.size(); i++) {
      ResourceSelector field = fields.get(i);
      String at = path + "[" + i + "]";
      if (field == null || blank(field.getKey())) {
        out.add(Diagnostic.error(at + ".key", "key can't be empty for selector"));
        continue;
      }
      String op = field.getOperation() == null ? "" : field.getOperation();
      if (op.isEmpty()) {
        out.add(
            Diagnostic.warning(
                at + ".operation",
                "no operation: as in Argo this field filter then drops every event (use ==)"));
      } else if (!FIELD_OPERATIONS.contains(op)) {
        out.add(
            Diagnostic.warning(
                at + ".operation",
                "operation '" + op + "' drops every event: field filters take =, == and !="));
      }
      try {
        Pattern.compile(field.getValue() == null ? "" : field.getValue());
      } catch (PatternSyntaxException e) {
        out.add(
            Diagnostic.warning(
                at + ".value", "invalid regex: this field filter drops every event (as Argo)"));
      }
    }
  }

  private static String operation(ResourceSelector label) {
    return blank(label.getOperation()) ? "=" : label.getOperation();
  }

  private static List<String> values(String op, String value) {
    if ((op.equals("exists") || op.equals("!")) && value.isEmpty()) {
      return List.of();
    }
    if (op.equals("in") || op.equals("notin")) {
      return List.of(value.split(",", -1));
    }
    return List.of(value);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
