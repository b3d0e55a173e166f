package io.caravan.generator;

import java.nio.charset.StandardCharsets;

/** The 32-bit FNV-1a hash, which Argo uses to name the bus's durable consumers. */
public final class Fnv32a {

  private static final int OFFSET_BASIS = 0x811C9DC5;
  private static final int PRIME = 0x01000193;

  private Fnv32a() {}

  /** FNV-1a over the UTF-8 bytes of {@code text}, as an unsigned 32-bit value. */
  public static long hash(String text) {
    int hash = OFFSET_BASIS;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= PRIME;
    }
    return Integer.toUnsignedLong(hash);
  }

  /** Argo's durable consumer name {@code group-<hash of "<sensor>-<trigger>-<dependency>">}. */
  public static String durableName(String sensor, String trigger, String dependency) {
    return "group-" + hash(sensor + "-" + trigger + "-" + dependency);
  }
}
