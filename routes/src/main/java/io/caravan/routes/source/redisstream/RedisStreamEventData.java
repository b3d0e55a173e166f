package io.caravan.routes.source.redisstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Argo's redisStream event data (inventory §1.5.9, §2.3): {@code stream}, {@code message_id},
 * {@code values} (the entry's fields, each a string, in key order as Go writes a map) and {@code
 * metadata} (omitted when empty).
 */
final class RedisStreamEventData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RedisStreamEventData() {}

  static ObjectNode of(String stream, StreamEntry entry, ObjectNode metadata) {
    ObjectNode data = JSON.createObjectNode();
    data.put("stream", stream);
    data.put("message_id", entry.getID().toString());
    ObjectNode values = data.putObject("values");
    Map<String, String> fields = entry.getFields() == null ? Map.of() : entry.getFields();
    new TreeMap<>(fields).forEach(values::put);
    if (metadata != null && !metadata.isEmpty()) {
      data.set("metadata", metadata.deepCopy());
    }
    return data;
  }
}
