package io.caravan.routes.source.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the webhook event data {@code {header, body, metadata}} the way Argo marshals it; its
 * public helpers (Go-style headers, form values, raw JSON) serve the webhook-style providers too.
 */
public final class WebhookEventData {
  static final String MASKED_AUTH = "*** Masked Auth Secret ***";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Floats kept as BigDecimal so the body's numbers keep their digits, as Argo's raw JSON does. */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";

  private WebhookEventData() {}

  static ObjectNode of(MultiMap headers, JsonNode body, ObjectNode metadata) {
    ObjectNode data = NODES.objectNode();
    data.set("header", headers(headers));
    data.set("body", body);
    if (metadata != null && !metadata.isEmpty()) {
      data.set("metadata", metadata.deepCopy());
    }
    return data;
  }

  /**
   * Request headers as Go's {@code http.Header}: canonical names ({@code Content-Type}), sorted,
   * every value kept, without {@code Host} / {@code Transfer-Encoding}, and {@code Authorization}
   * masked.
   */
  static ObjectNode headers(MultiMap headers) {
    return headersJson(headerMap(headers, true));
  }

  /**
   * Request headers as Go's {@code http.Header}: canonical names, sorted, every value, without
   * {@code Host}/{@code Transfer-Encoding}; {@code Authorization} masked when {@code maskAuth}.
   */
  static Map<String, List<String>> headerMap(MultiMap headers, boolean maskAuth) {
    Map<String, List<String>> sorted = new TreeMap<>();
    for (Map.Entry<String, String> entry : headers.entries()) {
      String name = canonicalName(entry.getKey());
      if (name.equals("Host") || name.equals("Transfer-Encoding")) {
        continue;
      }
      sorted.computeIfAbsent(name, n -> new ArrayList<>()).add(entry.getValue());
    }
    List<String> auth = sorted.get("Authorization");
    if (maskAuth && auth != null && !auth.get(0).isEmpty()) {
      sorted.put("Authorization", List.of(MASKED_AUTH));
    }
    return sorted;
  }

  /** Headers (or any multi-valued map) as a JSON object of string arrays, in the map's order. */
  public static ObjectNode headersJson(Map<String, List<String>> headers) {
    return stringArrays(headers);
  }

  /**
   * Go's {@code textproto.CanonicalMIMEHeaderKey}: names with non-token characters stay as they
   * are.
   */
  public static String canonicalName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || TOKEN_CHARS.indexOf(c) >= 0;
      if (!token) {
        return name;
      }
    }
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return out.toString();
  }

  /**
   * A query string or form body as a JSON object of string arrays, keys sorted (Go's url.Values).
   */
  public static ObjectNode urlValues(String encoded) {
    QueryStringDecoder decoder =
        new QueryStringDecoder(
            encoded == null ? "" : encoded, StandardCharsets.UTF_8, false, 10_000, true);
    return stringArrays(new TreeMap<>(decoder.parameters()));
  }

  /**
   * Parses the raw body as one JSON value; throws with Go-like text when it is empty or invalid.
   */
  public static JsonNode rawJson(byte[] body) {
    if (body.length == 0) {
      throw new IllegalArgumentException("unexpected end of JSON input");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("unexpected end of JSON input");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON body: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read body: " + e.getMessage());
    }
  }

  private static ObjectNode stringArrays(Map<String, List<String>> values) {
    ObjectNode node = NODES.objectNode();
    values.forEach(
        (name, list) -> {
          ArrayNode array = node.putArray(name);
          list.forEach(array::add);
        });
    return node;
  }
}
