package io.caravan.routes.source.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.source.resource.ResourceProgress.Seen;

/** The data of a resource event (inventory §2.3) and the body of an object known only by name. */
final class ResourceEventData {
  private ResourceEventData() {}

  /** Argo's {@code {type, body, oldBody, group, version, resource, metadata}}. */
  static ObjectNode of(
      ResourceSourceEndpoint endpoint,
      String type,
      JsonNode object,
      JsonNode old,
      ObjectNode metadata) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("type", type);
    data.set("body", object);
    data.set("oldBody", old == null ? data.nullNode() : old);
    data.put("group", endpoint.getGroup());
    data.put("version", endpoint.getVersion());
    data.put("resource", endpoint.getResource());
    if (metadata != null && !metadata.isEmpty()) {
      data.set("metadata", metadata.deepCopy());
    }
    return data;
  }

  /**
   * What the snapshot knows of an object announced before a restart and gone now: apiVersion, kind
   * (when known) and metadata name, namespace, uid and resourceVersion.
   */
  static ObjectNode known(ResourceSourceEndpoint endpoint, String kind, String key, Seen seen) {
    ObjectNode stub = JsonNodeFactory.instance.objectNode();
    stub.put(
        "apiVersion",
        endpoint.getGroup().isEmpty()
            ? endpoint.getVersion()
            : endpoint.getGroup() + "/" + endpoint.getVersion());
    if (kind != null) {
      stub.put("kind", kind);
    }
    ObjectNode meta = stub.putObject("metadata");
    int slash = key.indexOf('/');
    meta.put("name", key.substring(slash + 1));
    if (slash > 0) {
      meta.put("namespace", key.substring(0, slash));
    }
    meta.put("uid", seen.uid());
    meta.put("resourceVersion", seen.resourceVersion());
    return stub;
  }
}
