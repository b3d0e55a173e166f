package io.caravan.routes.runtime;

import java.util.Objects;

/**
 * One generated Camel YAML DSL document, named for messages (e.g. {@code eventsource-webhook}).
 *
 * @param name a name unique within one runtime; {@code .yaml} is appended when missing
 * @param yaml the document's text
 */
public record RouteDocument(String name, String yaml) {
  public RouteDocument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(yaml, "yaml");
  }

  /**
   * The resource name Camel loads the document under (ends with {@code .yaml} so the YAML DSL reads
   * it).
   */
  public String resourceName() {
    return name.endsWith(".yaml") ? name : name + ".yaml";
  }
}
