package io.caravan.routes.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.event.ArgoEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;

/**
 * An event as Argo's sensor serialises it for trigger parameters: the context with Argo's field
 * order and its time in RFC 3339 UTC whole seconds; the data as JSON; the whole event as {@code
 * {"context":{…},"data":"<base64 of the data bytes>"}}.
 */
public final class ArgoEventJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ArgoEventJson() {}

  /**
   * The context as a JSON object: id, source, specversion, type, datacontenttype, subject, time.
   */
  static ObjectNode context(ArgoEvent event) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", nullToEmpty(event.id()));
    node.put("source", nullToEmpty(event.source()));
    node.put("specversion", nullToEmpty(event.specversion()));
    node.put("type", nullToEmpty(event.type()));
    node.put("datacontenttype", nullToEmpty(event.datacontenttype()));
    node.put("subject", nullToEmpty(event.subject()));
    node.put("time", time(event.time()));
    return node;
  }

  /**
   * The data as JSON, when the content type allows reading it as JSON ({@code application/json}, or
   * {@code application/yaml}, whose data Caravan holds already parsed).
   *
   * @throws IllegalArgumentException when there is no data or the content type is another one
   */
  static JsonNode data(ArgoEvent event) {
    String type = event.datacontenttype() == null ? "" : event.datacontenttype();
    if (!type.equals("application/json") && !type.equals("application/yaml")) {
      throw new IllegalArgumentException("unsupported event content type: " + type);
    }
    if (event.data() == null || event.data().isMissingNode() || event.data().isNull()) {
      throw new IllegalArgumentException("event data is not valid JSON");
    }
    return event.data();
  }

  /** The data bytes as they travel (compact JSON), empty when there is no data. */
  static byte[] dataBytes(ArgoEvent event) {
    if (event.data() == null || event.data().isMissingNode() || event.data().isNull()) {
      return new byte[0];
    }
    if (event.data().isTextual()) {
      return event.data().textValue().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return JSON.writeValueAsBytes(event.data());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "event data cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  /** {@code {"context":{…},"data":"<base64>"}} as compact JSON text. */
  static String whole(ArgoEvent event) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.set("context", context(event));
    node.put("data", Base64.getEncoder().encodeToString(dataBytes(event)));
    return node.toString();
  }

  /** Readable text of one event for the log trigger: its context and data. */
  public static String readable(String dependency, ArgoEvent event) {
    return "dependency '"
        + dependency
        + "' context "
        + context(event)
        + " data "
        + new String(dataBytes(event), StandardCharsets.UTF_8);
  }

  private static String time(String time) {
    if (time == null || time.isEmpty()) {
      return "";
    }
    try {
      Instant instant = OffsetDateTime.parse(time).toInstant();
      return SECONDS.format(instant.truncatedTo(ChronoUnit.SECONDS));
    } catch (DateTimeParseException e) {
      return time;
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
