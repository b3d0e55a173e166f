package io.caravan.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One document read from a manifest file.
 *
 * @param file the file it came from (null when read from a string)
 * @param documentIndex 0-based position of the document in the file (empty documents count)
 * @param apiVersion {@code apiVersion}, or null
 * @param kind {@code kind}, or null
 * @param name {@code metadata.name}, or null
 * @param namespace {@code metadata.namespace}, or null
 * @param raw the document as a JSON tree, or null when it could not be parsed
 * @param resource the typed model for argoproj.io/v1alpha1 EventSource/Sensor/EventBus, else null
 * @param error why the document could not be read (with line and field path), or null
 */
public record Manifest(
    Path file,
    int documentIndex,
    String apiVersion,
    String kind,
    String name,
    String namespace,
    JsonNode raw,
    ArgoResource resource,
    String error) {

  public boolean hasError() {
    return error != null;
  }

  /** True for an Argo Events resource that Caravan models (typed or failed to type). */
  public boolean isArgoEvents() {
    return ManifestReader.typeFor(apiVersion, kind) != null;
  }

  /** Where the document is, for messages: {@code path/to/file.yaml#2}, or {@code #2}. */
  public String location() {
    return (file == null ? "" : file.toString()) + "#" + documentIndex;
  }

  @Override
  public String toString() {
    return location() + " " + kind + " " + name + (error == null ? "" : " error: " + error);
  }
}
