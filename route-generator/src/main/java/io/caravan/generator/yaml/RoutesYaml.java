package io.caravan.generator.yaml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Deterministic YAML and JSON text for generated routes: maps keep their insertion order, strings
 * are quoted only where YAML would read them as another type or misparse them, multi-line strings
 * use literal blocks, lines are never folded, nulls are left out.
 */
public final class RoutesYaml {

  private static final ObjectMapper YAML = yamlMapper();
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .build();

  private RoutesYaml() {}

  /**
   * A whole routes document: the comment lines of {@code header} (each prefixed {@code "# "}), then
   * {@code items} as a top-level YAML sequence (each item is one {@code route:} or {@code beans:}
   * map).
   */
  public static String document(List<String> header, List<Map<String, Object>> items) {
    StringBuilder out = new StringBuilder();
    for (String line : header) {
      out.append("# ").append(line).append('\n');
    }
    for (Map<String, Object> item : items) {
      appendSequenceItem(out, block(item));
    }
    return out.toString();
  }

  /**
   * {@code value} (a map, list or model object) as a YAML block, nulls left out, ending with a
   * newline; this is how manifest parts such as filters or a trigger are handed to beans.
   */
  public static String block(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} as compact JSON text (used for webhook and calendar {@code metadata}). */
  public static String compactJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Indents a YAML block under a top-level {@code "- "}; empty lines stay empty. */
  private static void appendSequenceItem(StringBuilder out, String block) {
    boolean first = true;
    for (String line : block.split("\n", -1)) {
      if (first) {
        out.append("- ").append(line).append('\n');
        first = false;
      } else if (!line.isEmpty()) {
        out.append("  ").append(line).append('\n');
      } else {
        out.append('\n');
      }
    }
    // split keeps a last empty element for the final newline: remove the extra line break.
    out.setLength(out.length() - 1);
  }

  private static ObjectMapper yamlMapper() {
    YAMLFactory factory =
        YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .stringQuotingChecker(new TypeSafeQuoting())
            .build();
    return YAMLMapper.builder(factory)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }
}
