package io.caravan.generator;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.caravan.api.ArgoMappers;
import io.caravan.api.ArgoObject;
import java.util.List;
import java.util.Map;

/**
 * Walks a model tree and reports every field that Argo does not have either (collected by the model
 * in {@link ArgoObject#unknownFields()}), with its dotted path. Property names come from Jackson,
 * so paths use the manifest's own keys.
 */
public final class UnknownFields {

  private UnknownFields() {}

  public static void report(Object root, String path, List<Diagnostic> out) {
    walk(root, path, out);
  }

  private static void walk(Object value, String path, List<Diagnostic> out) {
    if (value instanceof ArgoObject object) {
      object
          .unknownFields()
          .keySet()
          .forEach(
              key -> out.add(Diagnostic.error(join(path, key), "unknown field '" + key + "'")));
      JavaType type = ArgoMappers.json().constructType(object.getClass());
      BeanDescription bean = ArgoMappers.json().getSerializationConfig().introspect(type);
      for (BeanPropertyDefinition property : bean.findProperties()) {
        AnnotatedMember accessor = property.getAccessor();
        if (accessor != null) {
          walk(accessor.getValue(object), join(path, property.getName()), out);
        }
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]", out);
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((key, child) -> walk(child, join(path, String.valueOf(key)), out));
    }
  }

  static String join(String path, String key) {
    return path == null || path.isEmpty() ? key : path + "." + key;
  }
}
