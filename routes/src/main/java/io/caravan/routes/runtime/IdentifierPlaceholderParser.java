package io.caravan.routes.runtime;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.component.properties.DefaultPropertiesParser;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.component.properties.PropertiesLookup;

/**
 * Camel property-placeholder parser that resolves only {@code {{name}}}, {@code {{?name}}} and
 * {@code {{name:default}}} where {@code name} is a plain identifier {@code [A-Za-z][A-Za-z0-9]*}
 * (what Kamelet templates use), plus Camel's own setting keys {@code {{camel.…}}} (how Camel Main
 * asks for its settings). Every other {@code {{…}}} is left as written: user text in manifests
 * holds Go templates ({@code {{ .Input.body.x }}}) and Argo Workflows templates ({@code
 * {{inputs.parameters.message}}}).
 *
 * <p>Accepted placeholders keep Camel's semantics (defaults, optional, functions such as {@code
 * env:}); the resolved value is itself parsed by this parser, so a value that holds a Go template
 * stays intact.
 */
public class IdentifierPlaceholderParser extends DefaultPropertiesParser {
  private static final String PREFIX = "{{";
  private static final String SUFFIX = "}}";
  private static final Pattern ACCEPTED =
      Pattern.compile(
          "\\??(?:[A-Za-z][A-Za-z0-9]*(?::.*)?|camel\\.[A-Za-z0-9._\\-]+)", Pattern.DOTALL);

  public IdentifierPlaceholderParser() {}

  public IdentifierPlaceholderParser(PropertiesComponent propertiesComponent) {
    super(propertiesComponent);
  }

  /** Whether {@code key} (the text between the braces) is a placeholder this parser resolves. */
  public static boolean isResolvable(String key) {
    return ACCEPTED.matcher(key).matches();
  }

  @Override
  public String parseUri(
      String text,
      PropertiesLookup properties,
      boolean defaultFallbackEnabled,
      boolean keepUnresolvedOptional,
      boolean nestedPlaceholder) {
    return parse(
        text,
        properties,
        defaultFallbackEnabled,
        keepUnresolvedOptional,
        nestedPlaceholder,
        new HashSet<>());
  }

  private String parse(
      String text,
      PropertiesLookup properties,
      boolean fallback,
      boolean keepUnresolvedOptional,
      boolean nested,
      Set<String> resolving) {
    if (text == null || !text.contains(PREFIX)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (true) {
      int end = text.indexOf(SUFFIX, from);
      int start = end < 0 ? -1 : text.lastIndexOf(PREFIX, end - 1);
      if (end < 0 || start < from) {
        // No complete placeholder left (or only a stray '}}'): keep the rest as written.
        int skip = end < 0 ? text.length() : end + SUFFIX.length();
        out.append(text, from, skip);
        if (end < 0) {
          return out.toString();
        }
        from = skip;
        continue;
      }
      String key = text.substring(start + PREFIX.length(), end);
      boolean escaped = start > 0 && text.charAt(start - 1) == '\\';
      if (escaped || !isResolvable(key)) {
        out.append(text, from, end + SUFFIX.length());
        from = end + SUFFIX.length();
        continue;
      }
      String placeholder = text.substring(start, end + SUFFIX.length());
      String value =
          resolveOne(
              placeholder, key, properties, fallback, keepUnresolvedOptional, nested, resolving);
      if (value == null && start == 0 && end + SUFFIX.length() == text.length()) {
        return null; // the whole text is one optional placeholder without a value (as Camel)
      }
      out.append(text, from, start);
      if (value != null) {
        out.append(value);
      }
      from = end + SUFFIX.length();
    }
  }

  private String resolveOne(
      String placeholder,
      String key,
      PropertiesLookup properties,
      boolean fallback,
      boolean keepUnresolvedOptional,
      boolean nested,
      Set<String> resolving) {
    String name = key.startsWith("?") ? key.substring(1) : key;
    int colon = name.indexOf(':');
    if (colon > 0) {
      name = name.substring(0, colon);
    }
    String value = super.parseUri(placeholder, properties, fallback, keepUnresolvedOptional, false);
    boolean keptOptional = key.startsWith("?") && value != null && value.equals(placeholder);
    if (value == null || !nested || keptOptional || !value.contains(PREFIX)) {
      return value;
    }
    if (!resolving.add(name)) {
      throw new IllegalArgumentException("Circular reference detected with key [" + name + "]");
    }
    try {
      return parse(value, properties, fallback, keepUnresolvedOptional, true, resolving);
    } finally {
      resolving.remove(name);
    }
  }
}
