package io.caravan.routes.source.storagegrid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A StorageGRID notification body (an SNS-style {@code Action=Publish&Message=…} form) converted to
 * JSON as Argo does it: the whole body URL-unescaped once ({@code url.QueryUnescape}), then split
 * into {@code key=value} pairs by {@code &} and each part unescaped again; a value that is JSON
 * stays JSON, any other is a string, and {@code a[b][c]} keys nest (the {@code qson} library).
 */
final class StorageGridForm {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private StorageGridForm() {}

  /** The body as JSON; throws with the reason when it is not such a form. */
  static ObjectNode toJson(String body) {
    String unescaped = unescape(body);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    for (String param : unescaped.split("&", -1)) {
      int eq = param.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("invalid input param: " + param);
      }
      String key = unescape(param.substring(0, eq));
      JsonNode value = value(unescape(param.substring(eq + 1)));
      put(root, key, value);
    }
    return root;
  }

  private static JsonNode value(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node != null && !node.isMissingNode()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // not JSON: a string, as qson makes it
    }
    return JsonNodeFactory.instance.textNode(text);
  }

  /** {@code a[b][c]=v} → {@code {"a":{"b":{"c":v}}}}, merged into {@code root}. */
  private static void put(ObjectNode root, String key, JsonNode value) {
    int bracket = key.indexOf('[');
    if (bracket < 0) {
      root.set(key, value);
      return;
    }
    if (bracket == 0 || !key.endsWith("]")) {
      throw new IllegalArgumentException("invalid input param key: " + key);
    }
    ObjectNode node = root;
    String name = key.substring(0, bracket);
    String rest = key.substring(bracket);
    while (!rest.isEmpty()) {
      int close = rest.indexOf(']');
      if (!rest.startsWith("[") || close < 0) {
        throw new IllegalArgumentException("invalid input param key: " + key);
      }
      JsonNode child = node.get(name);
      node = child instanceof ObjectNode object ? object : node.putObject(name);
      name = rest.substring(1, close);
      rest = rest.substring(close + 1);
    }
    node.set(name, value);
  }

  /** Go's {@code url.QueryUnescape}: {@code +} is a space, {@code %XX} a byte; bad escapes fail. */
  static String unescape(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '+') {
        out.write(' ');
      } else if (b == '%') {
        if (i + 2 >= bytes.length || hex(bytes[i + 1]) < 0 || hex(bytes[i + 2]) < 0) {
          throw new IllegalArgumentException("invalid URL escape");
        }
        out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
        i += 2;
      } else {
        out.write(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte c) {
    return Character.digit((char) c, 16);
  }
}
