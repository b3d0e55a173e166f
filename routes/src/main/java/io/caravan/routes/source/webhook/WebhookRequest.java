package io.caravan.routes.source.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request to a webhook-style endpoint, read whole.
 *
 * @param method the HTTP method, upper case
 * @param path the request path
 * @param query the raw query string, or empty
 * @param headers the headers as Go's {@code http.Header}: canonical names, sorted, every value,
 *     without {@code Host}/{@code Transfer-Encoding}, {@code Authorization} masked
 * @param rawHeaders the same with {@code Authorization} as sent (for providers that check it; never
 *     put it in an event)
 * @param body the body bytes (empty for none)
 */
public record WebhookRequest(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    Map<String, List<String>> rawHeaders,
    byte[] body) {

  /** The first value of a header (any case), or null. */
  public String header(String name) {
    List<String> values = rawHeaders.get(WebhookEventData.canonicalName(name));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The media type of {@code Content-Type} without parameters, lower case, or empty. */
  public String mediaType() {
    String type = header("Content-Type");
    if (type == null) {
      return "";
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase();
  }
}
