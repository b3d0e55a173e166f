package io.caravan.bench;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * The event every pipeline carries: one 600-byte JSON object whose {@code seq} identifies it end to
 * end. The receiver finds {@code "seq":} in whatever body a pipeline POSTs to it.
 */
final class Payloads {
  static final int SIZE = 600;
  private static final byte[] KEY = "\"seq".getBytes(StandardCharsets.US_ASCII);

  private Payloads() {}

  static Buffer event(int seq) {
    String head =
        "{\"seq\":"
            + seq
            + ",\"service\":\"billing\",\"version\":\"v1.2.3\","
            + "\"environment\":\"prod-eu\",\"pad\":\"";
    String tail = "\"}";
    StringBuilder body = new StringBuilder(SIZE).append(head);
    int pad = SIZE - head.length() - tail.length();
    for (int i = 0; i < pad; i++) {
      body.append((char) ('a' + i % 26));
    }
    body.append(tail);
    return Buffer.buffer(body.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /** The number after the first {@code "seq":} (or its escaped form) in the body, or -1. */
  static int seqOf(Buffer body) {
    int length = body.length();
    outer:
    for (int i = 0; i + KEY.length < length; i++) {
      for (int k = 0; k < KEY.length; k++) {
        if (body.getByte(i + k) != KEY[k]) {
          continue outer;
        }
      }
      int value = 0;
      int j = i + KEY.length;
      // "seq": as written, or "seq\": inside a JSON string
      while (j < length
          && (body.getByte(j) == ' '
              || body.getByte(j) == '\\'
              || body.getByte(j) == '"'
              || body.getByte(j) == ':')) {
        j++;
      }
      int digits = 0;
      while (j < length && body.getByte(j) >= '0' && body.getByte(j) <= '9' && digits < 10) {
        value = value * 10 + (body.getByte(j) - '0');
        j++;
        digits++;
      }
      return digits == 0 ? -1 : value;
    }
    return -1;
  }
}
