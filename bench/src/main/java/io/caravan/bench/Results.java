package io.caravan.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every figure the run measured, as rows (section, case, metric, value, unit); written as JSON and
 * CSV.
 */
final class Results {
  record Row(String section, String name, String metric, double value, String unit) {}

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, String> notes = new LinkedHashMap<>();

  synchronized void add(String section, String name, String metric, double value, String unit) {
    rows.add(new Row(section, name, metric, value, unit));
  }

  synchronized void note(String key, String value) {
    notes.put(key, value);
  }

  synchronized List<Row> rows() {
    return List.copyOf(rows);
  }

  synchronized Map<String, String> notes() {
    return Map.copyOf(notes);
  }

  /** The value of a row, or NaN. */
  synchronized double get(String section, String name, String metric) {
    for (Row row : rows) {
      if (row.section.equals(section) && row.name.equals(name) && row.metric.equals(metric)) {
        return row.value;
      }
    }
    return Double.NaN;
  }

  synchronized void writeCsv(Path file) {
    StringBuilder out = new StringBuilder("section,case,metric,value,unit\n");
    for (Row row : rows) {
      out.append(csv(row.section))
          .append(',')
          .append(csv(row.name))
          .append(',')
          .append(csv(row.metric))
          .append(',')
          .append(number(row.value))
          .append(',')
          .append(csv(row.unit))
          .append('\n');
    }
    write(file, out.toString());
  }

  synchronized void writeJson(Path file) {
    StringBuilder out = new StringBuilder("{\n  \"notes\": {");
    boolean first = true;
    for (Map.Entry<String, String> note : notes.entrySet()) {
      out.append(first ? "\n" : ",\n")
          .append("    ")
          .append(json(note.getKey()))
          .append(": ")
          .append(json(note.getValue()));
      first = false;
    }
    out.append("\n  },\n  \"results\": [");
    first = true;
    for (Row row : rows) {
      out.append(first ? "\n" : ",\n")
          .append("    {\"section\": ")
          .append(json(row.section))
          .append(", \"case\": ")
          .append(json(row.name))
          .append(", \"metric\": ")
          .append(json(row.metric))
          .append(", \"value\": ")
          .append(Double.isFinite(row.value) ? number(row.value) : "null")
          .append(", \"unit\": ")
          .append(json(row.unit))
          .append('}');
      first = false;
    }
    out.append("\n  ]\n}\n");
    write(file, out.toString());
  }

  static String number(double value) {
    if (!Double.isFinite(value)) {
      return "";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.valueOf((long) value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private static String csv(String text) {
    return text.contains(",") || text.contains("\"")
        ? '"' + text.replace("\"", "\"\"") + '"'
        : text;
  }

  static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
