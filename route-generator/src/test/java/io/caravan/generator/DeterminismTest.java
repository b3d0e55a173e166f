package io.caravan.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  @Test
  void sameManifestGivesTheSameBytesEveryTime() {
    for (Path dir : GoldenFiles.cases()) {
      String first = new RouteGenerator().generate(GoldenFiles.input(dir)).yaml();
      String second = new RouteGenerator().generate(GoldenFiles.input(dir)).yaml();
      RouteGenerator shared = new RouteGenerator();
      shared.generate(GoldenFiles.input(dir));
      String third = shared.generate(GoldenFiles.input(dir)).yaml();
      assertThat(second).as("second generation of %s", dir).isEqualTo(first);
      assertThat(third).as("repeated generation of %s", dir).isEqualTo(first);
    }
  }
}
