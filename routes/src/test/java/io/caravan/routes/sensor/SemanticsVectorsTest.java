package io.caravan.routes.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Accounts for the 188 Argo behaviour vectors of the shared reference: each one is checked by at
 * least one case (a line {@code argo: N} in a case file run by a parameterized test of this
 * project) or is listed, with the reason, in {@code semantics/vectors-not-covered.yaml}; never
 * both.
 */
class SemanticsVectorsTest {
  static final int VECTORS = 188;
  private static final Pattern TAG = Pattern.compile("(?m)^\\s*argo: (\\d+)\\s*$");
  private static final Pattern NOT_COVERED =
      Pattern.compile("(?m)^- \\{argo: (\\d+), why: \"[^\"]+\"\\}$");

  /** The case files of this module and of the generator (whose tests run the latter). */
  static List<Path> caseFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir :
        List.of(
            Path.of("src/test/resources/semantics"),
            Path.of("../route-generator/src/test/resources/semantics"))) {
      try (Stream<Path> list = Files.list(dir)) {
        list.filter(p -> p.toString().endsWith(".yaml"))
            .filter(p -> !p.getFileName().toString().equals("vectors-not-covered.yaml"))
            .sorted()
            .forEach(files::add);
      }
    }
    files.add(Path.of("src/test/resources/trigger/parameter-cases.yaml"));
    return files;
  }

  @Test
  void everyArgoVectorIsCheckedOrExplained() throws IOException {
    Map<Integer, List<String>> checkedBy = new TreeMap<>();
    for (Path file : caseFiles()) {
      Matcher m = TAG.matcher(Files.readString(file));
      while (m.find()) {
        checkedBy
            .computeIfAbsent(Integer.parseInt(m.group(1)), n -> new ArrayList<>())
            .add(file.getFileName().toString());
      }
    }
    Set<Integer> explained = new TreeSet<>();
    Matcher m =
        NOT_COVERED.matcher(
            Files.readString(Path.of("src/test/resources/semantics/vectors-not-covered.yaml")));
    while (m.find()) {
      explained.add(Integer.parseInt(m.group(1)));
    }

    assertThat(checkedBy.keySet()).allSatisfy(n -> assertThat(n).isBetween(1, VECTORS));
    assertThat(explained).allSatisfy(n -> assertThat(n).isBetween(1, VECTORS));
    assertThat(explained)
        .as("listed as not covered but checked by a case")
        .doesNotContainAnyElementsOf(checkedBy.keySet());
    Set<Integer> missing = new TreeSet<>();
    for (int n = 1; n <= VECTORS; n++) {
      if (!checkedBy.containsKey(n) && !explained.contains(n)) {
        missing.add(n);
      }
    }
    assertThat(missing).as("vectors neither checked nor explained").isEmpty();
    System.out.printf(
        "Argo vectors: %d of %d checked by case files, %d explained as not covered%n",
        checkedBy.size(), VECTORS, explained.size());
  }
}
