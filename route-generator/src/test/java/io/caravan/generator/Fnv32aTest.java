package io.caravan.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Fnv32aTest {

  @Test
  void emptyInputIsTheOffsetBasis() {
    assertThat(Fnv32a.hash("")).isEqualTo(2166136261L); // 0x811C9DC5
  }

  /**
   * "a" by hand: 0x811C9DC5 xor 0x61 = 0x811C9DA4. The prime 0x01000193 is 2^24 + 0x193, so modulo
   * 2^32 the product is 0x811C9DA4 * 0x193 (= 0x400C292C mod 2^32) plus 0xA4 << 24 (= 0xA4000000):
   * 0xE40C292C.
   */
  @Test
  void singleCharacters() {
    assertThat(Fnv32a.hash("a")).isEqualTo(0xE40C292CL).isEqualTo(3826002220L);
    assertThat(Fnv32a.hash("b")).isEqualTo(0xE70C2DE5L);
  }

  @Test
  void longerInputsStayUnsigned() {
    assertThat(Fnv32a.hash("foobar")).isEqualTo(0xBF9CF968L).isEqualTo(3214735720L);
  }

  @Test
  void durableNameHashesSensorTriggerAndDependencyJoinedByDashes() {
    assertThat(Fnv32a.durableName("s", "t", "d")).isEqualTo("group-2871341474");
    assertThat(Fnv32a.durableName("webhook", "http-trigger", "test-dep"))
        .isEqualTo("group-3411371631");
  }

  @Test
  void nonAsciiNamesAreHashedAsUtf8() {
    // "é" is 0xC3 0xA9 in UTF-8: two rounds, not one round of 0xE9.
    long twoRounds = round(round(0x811C9DC5L, 0xC3), 0xA9);
    assertThat(Fnv32a.hash("é")).isEqualTo(twoRounds);
  }

  private static long round(long hash, int octet) {
    return ((hash ^ octet) * 0x01000193L) & 0xFFFFFFFFL;
  }
}
