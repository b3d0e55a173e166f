package io.caravan.generator.yaml;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Quotes every string that a YAML 1.1 or 1.2 reader would otherwise read as another type
 * (numbers such as a port {@code "12000"}, booleans, null, timestamps). Whether other characters
 * allow a plain scalar (a leading {@code {}, {@code ": "}, {@code " #"}…) is left to SnakeYAML's
 * emitter, which quotes whatever cannot be plain; so commas or brackets inside text stay readable.
 */
final class TypeSafeQuoting extends StringQuotingChecker.Default {

  private static final long serialVersionUID = 1L;

  /** YAML 1.2 octal ({@code 0o17}), which the YAML 1.1 patterns do not cover. */
  private static final Pattern OCTAL_1_2 = Pattern.compile("[-+]?0o[0-7]+");

  private static final List<Pattern> OTHER_TYPES =
      List.of(
          Resolver.BOOL,
          Resolver.INT,
          Resolver.FLOAT,
          Resolver.NULL,
          Resolver.TIMESTAMP,
          Resolver.MERGE,
          Resolver.VALUE,
          OCTAL_1_2);

  @Override
  public boolean needToQuoteName(String name) {
    return super.needToQuoteName(name) || readAsOtherType(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return isReservedKeyword(value) || readAsOtherType(value);
  }

  private static boolean readAsOtherType(String text) {
    return OTHER_TYPES.stream().anyMatch(p -> p.matcher(text).matches());
  }
}
