package io.caravan.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.api.eventbus.EventBus;
import io.caravan.api.eventsource.EventSource;
import io.caravan.api.sensor.Sensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses manifest text (YAML or JSON, several documents per text) into {@link Manifest}s. Pure: the
 * caller reads the files (the CLI's {@code ManifestFiles}). Never throws for bad input: a document
 * that cannot be read becomes a {@link Manifest} whose {@code error} names the line and field path.
 */
public final class ManifestReader {

  private static final Map<String, Class<? extends ArgoResource>> TYPES =
      Map.of(
          EventSource.KIND, EventSource.class,
          Sensor.KIND, Sensor.class,
          EventBus.KIND, EventBus.class);

  private ManifestReader() {}

  /** Parses YAML (or JSON) text with one or more documents; {@code file} is only for messages. */
  public static List<Manifest> parse(String text, Path file) {
    boolean json = file != null && file.toString().toLowerCase(Locale.ROOT).endsWith(".json");
    ObjectMapper mapper = json ? ArgoMappers.json() : ArgoMappers.yaml();
    List<Manifest> out = new ArrayList<>();
    int index = 0;
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      while (true) {
        JsonNode node;
        try {
          if (parser.nextToken() == null) {
            break;
          }
          node = mapper.readTree(parser);
        } catch (IOException e) {
          out.add(failed(file, index, syntaxMessage(e)));
          return out;
        }
        if (!isEmptyDocument(node)) {
          out.add(toManifest(text, file, index, mapper, node));
        }
        index++;
      }
    } catch (IOException e) {
      out.add(failed(file, index, syntaxMessage(e)));
    }
    return out;
  }

  /** Parses YAML text that did not come from a file. */
  public static List<Manifest> parse(String text) {
    return parse(text, null);
  }

  /** The model class for an apiVersion/kind pair, or null when Caravan keeps it raw. */
  public static Class<? extends ArgoResource> typeFor(String apiVersion, String kind) {
    return ArgoResource.API_VERSION.equals(apiVersion) && kind != null ? TYPES.get(kind) : null;
  }

  private static Manifest toManifest(
      String text, Path file, int index, ObjectMapper mapper, JsonNode node) {
    if (!node.isObject()) {
      return new Manifest(
          file,
          index,
          null,
          null,
          null,
          null,
          node,
          null,
          "document is not a mapping (found "
              + node.getNodeType().name().toLowerCase(Locale.ROOT)
              + ")");
    }
    String apiVersion = text(node.get("apiVersion"));
    String kind = text(node.get("kind"));
    JsonNode metadata = node.get("metadata");
    String name = metadata == null ? null : text(metadata.get("name"));
    String namespace = metadata == null ? null : text(metadata.get("namespace"));
    Class<? extends ArgoResource> type = typeFor(apiVersion, kind);
    if (type == null) {
      return new Manifest(file, index, apiVersion, kind, name, namespace, node, null, null);
    }
    try {
      ArgoResource resource = mapper.treeToValue(node, type);
      return new Manifest(file, index, apiVersion, kind, name, namespace, node, resource, null);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String message = mappingMessage(e);
      Integer line = lineOfMappingError(text, mapper, index, type);
      String error = (line == null ? "" : "line " + line + ": ") + message;
      return new Manifest(file, index, apiVersion, kind, name, namespace, node, null, error);
    }
  }

  /** Re-reads document {@code index} straight from the text to learn where the mapping fails. */
  private static Integer lineOfMappingError(
      String text, ObjectMapper mapper, int index, Class<? extends ArgoResource> type) {
    try (JsonParser parser = mapper.getFactory().createParser(text)) {
      for (int i = 0; parser.nextToken() != null; i++) {
        if (i < index) {
          mapper.readTree(parser);
          continue;
        }
        try {
          mapper.readValue(parser, type);
          return null;
        } catch (JsonProcessingException e) {
          JsonLocation location = e.getLocation();
          return location == null || location.getLineNr() < 1 ? null : location.getLineNr();
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }

  private static String mappingMessage(Exception e) {
    return e instanceof JsonMappingException mapping
        ? ModelBinding.message(mapping)
        : e.getMessage();
  }

  private static String syntaxMessage(IOException e) {
    if (e instanceof JsonProcessingException processing) {
      JsonLocation location = processing.getLocation();
      String line =
          location == null || location.getLineNr() < 1 ? "" : "line " + location.getLineNr() + ": ";
      return line + "invalid YAML/JSON: " + ModelBinding.firstLine(processing.getOriginalMessage());
    }
    return "cannot read: " + e.getMessage();
  }

  /** An empty YAML document reads as null or as an empty string. */
  private static boolean isEmptyDocument(JsonNode node) {
    return node == null
        || node.isNull()
        || node.isMissingNode()
        || (node.isTextual() && node.asText().isEmpty());
  }

  private static String text(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  /** A document of {@code file} that could not be read at all (missing file, I/O error). */
  public static Manifest unreadable(Path file, String error) {
    return failed(file, 0, error);
  }

  private static Manifest failed(Path file, int index, String error) {
    return new Manifest(file, index, null, null, null, null, null, null, error);
  }
}
