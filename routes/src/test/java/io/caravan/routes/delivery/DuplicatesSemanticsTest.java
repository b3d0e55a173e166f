package io.caravan.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of semantics/duplicates.yaml, run through RecentEventIds with Argo's window. */
class DuplicatesSemanticsTest {

  static Stream<Arguments> cases() throws Exception {
    try (InputStream in =
        DuplicatesSemanticsTest.class.getResourceAsStream("/semantics/duplicates.yaml")) {
      List<Map<String, Object>> cases = new YAMLMapper().readValue(in, new TypeReference<>() {});
      return cases.stream().map(c -> Arguments.of(c.get("name"), c));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void suppressesDuplicatesLikeArgo(String name, Map<String, Object> c) {
    RecentEventIds ids =
        new RecentEventIds(RecentEventIds.DEFAULT_WINDOW, RecentEventIds.DEFAULT_CAPACITY);
    long start = 1_000_000_000L;
    List<Boolean> added = new ArrayList<>();
    for (Map<String, Object> add : (List<Map<String, Object>>) c.get("adds")) {
      long at = start + TimeUnit.SECONDS.toNanos(((Number) add.get("at")).longValue());
      added.add(ids.add((String) add.get("id"), at));
    }
    assertThat(added).isEqualTo(c.get("expect"));
  }
}
