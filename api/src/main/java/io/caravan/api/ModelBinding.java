package io.caravan.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.List;

/**
 * The outcome of binding a part of a manifest (as written) to its model class: the value, or where
 * and why it does not fit, in the reader's words ({@code port: expected a string}).
 *
 * @param value the bound model, null when the node was null or binding failed
 * @param error null when bound; else the field path below the bound node (may be empty) and what
 *     was expected
 */
public record ModelBinding<T>(T value, String error, String errorField) {

  /** Binds {@code node} to {@code type}; never throws for bad input. */
  public static <T> ModelBinding<T> bind(JsonNode node, Class<T> type) {
    if (node == null || node.isNull()) {
      return new ModelBinding<>(null, null, null);
    }
    try {
      return new ModelBinding<>(ArgoMappers.json().treeToValue(node, type), null, null);
    } catch (JsonMappingException e) {
      return new ModelBinding<>(null, what(e), fieldPath(e.getPath()));
    } catch (Exception e) {
      return new ModelBinding<>(null, firstLine(e.getMessage()), "");
    }
  }

  public boolean ok() {
    return error == null;
  }

  /**
   * The full field path of the error, given the bound node's own path (e.g. {@code
   * spec.webhook.example}).
   */
  public String errorPath(String nodePath) {
    return errorField == null || errorField.isEmpty() ? nodePath : nodePath + "." + errorField;
  }

  /** {@code path: expected a number}, from a Jackson mapping error. */
  static String message(JsonMappingException mapping) {
    String path = fieldPath(mapping.getPath());
    String what = what(mapping);
    return path.isEmpty() ? what : path + ": " + what;
  }

  private static String what(JsonMappingException mapping) {
    if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "expected " + describe(mismatch.getTargetType());
    }
    return firstLine(mapping.getOriginalMessage());
  }

  /** Builds {@code spec.triggers[0].template.http.timeout} from Jackson's reference chain. */
  static String fieldPath(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String describe(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "a mapping";
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }
}
