package io.caravan.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecentEventIdsTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aSecondAddOfTheSameIdWithinTheWindowIsADuplicate() {
    RecentEventIds ids = new RecentEventIds(Duration.ofMinutes(1), 100);
    assertThat(ids.add("a", 0)).isTrue();
    assertThat(ids.add("a", 59 * SECOND)).isFalse();
    assertThat(ids.add("b", 59 * SECOND)).isTrue();
  }

  @Test
  void idsAreForgottenAfterTheWindow() {
    RecentEventIds ids = new RecentEventIds(Duration.ofMinutes(1), 100);
    ids.add("a", 0);
    assertThat(ids.contains("a", 60 * SECOND)).isFalse();
    assertThat(ids.add("a", 61 * SECOND)).isTrue();
  }

  @Test
  void theWindowIsBoundedInSizeDroppingTheOldestFirst() {
    RecentEventIds ids = new RecentEventIds(Duration.ofHours(1), 3);
    for (String id : new String[] {"a", "b", "c", "d"}) {
      ids.add(id, 0);
    }
    assertThat(ids.size()).isEqualTo(3);
    assertThat(ids.contains("a", 0)).isFalse();
    assertThat(ids.contains("d", 0)).isTrue();
  }

  @Test
  void aRemovedIdMayRunAgain() {
    RecentEventIds ids = new RecentEventIds(Duration.ofMinutes(1), 10);
    ids.add("a", 0);
    ids.remove("a");
    assertThat(ids.add("a", SECOND)).isTrue();
  }
}
