package io.caravan.routes.sensor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.component.properties.DefaultPropertiesParser;
import org.apache.camel.component.properties.PropertiesLookup;

/**
 * Test stand-in for the runtime's placeholder parser (contract: only {@code {{name}}}, {@code
 * {{?name}}} and {@code {{name:default}}} with {@code name} = {@code [A-Za-z][A-Za-z0-9]*} are
 * resolved; every other {@code {{…}}} is left as written).
 */
final class IdentifierOnlyPlaceholders extends DefaultPropertiesParser {
  private static final Pattern BLOCK = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\??[A-Za-z][A-Za-z0-9]*(:.*)?", Pattern.DOTALL);

  @Override
  public String parseUri(
      String text,
      PropertiesLookup properties,
      boolean fallback,
      boolean keepUnresolvedOptional,
      boolean nested) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = BLOCK.matcher(text);
    int from = 0;
    while (m.find()) {
      if (!PLACEHOLDER.matcher(m.group(1)).matches()) {
        out.append(
            super.parseUri(
                text.substring(from, m.start()),
                properties,
                fallback,
                keepUnresolvedOptional,
                nested));
        out.append(m.group());
        from = m.end();
      }
    }
    out.append(
        super.parseUri(text.substring(from), properties, fallback, keepUnresolvedOptional, nested));
    return out.toString();
  }
}
