package io.caravan.routes.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.routes.testing.TestContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The route contract's bean types: declared once each, resolved by name, an unknown name is an
 * error.
 */
class RouteContractTest {
  private static final Path DECLARATIONS =
      Path.of("src/main/resources").resolve(RouteContract.RESOURCE_DIRECTORY);
  private static final Pattern KAMELET_BEAN =
      Pattern.compile("type: \"#class:(caravan:[a-z0-9-]+)\"");

  @Test
  void everyDeclaredTypeNamesALoadableClass() throws IOException {
    List<Path> declared;
    try (Stream<Path> files = Files.list(DECLARATIONS)) {
      declared = files.sorted().toList();
    }
    assertThat(declared).hasSizeGreaterThanOrEqualTo(15);
    for (Path file : declared) {
      Class<?> type =
          RouteContract.classOf("caravan:" + file.getFileName(), getClass().getClassLoader());
      assertThat(type.getName()).startsWith("io.caravan.routes.");
    }
  }

  @Test
  void everyKameletBeanTypeIsDeclared() throws IOException {
    TreeSet<String> used = new TreeSet<>();
    try (Stream<Path> kamelets = Files.list(Path.of("../kamelets"))) {
      for (Path kamelet : kamelets.filter(p -> p.toString().endsWith(".kamelet.yaml")).toList()) {
        String yaml = Files.readString(kamelet);
        assertThat(yaml).as(kamelet + " names no Java class").doesNotContain("#class:io.");
        Matcher m = KAMELET_BEAN.matcher(yaml);
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).contains("caravan:http-sink", "caravan:log-sink");
    for (String type : used) {
      assertThat(RouteContract.classOf(type, getClass().getClassLoader())).isNotNull();
    }
  }

  @Test
  void theContextResolvesContractNamesAndStillPlainClasses() throws Exception {
    try (DefaultCamelContext context = TestContexts.create()) {
      assertThat(
              context
                  .getClassResolver()
                  .resolveMandatoryClass("caravan:trigger-template")
                  .getSimpleName())
          .isEqualTo("TriggerTemplate");
      assertThat(context.getClassResolver().resolveMandatoryClass("java.lang.String"))
          .isEqualTo(String.class);
    }
  }

  @Test
  void anUnknownTypeIsAnErrorThatNamesIt() {
    assertThatThrownBy(
            () -> RouteContract.classOf("caravan:no-such-bean", getClass().getClassLoader()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'caravan:no-such-bean' is not part of this runtime")
        .hasMessageContaining(RouteContract.RESOURCE_DIRECTORY + "no-such-bean");
    assertThatThrownBy(() -> RouteContract.classOf("caravan:Bad_Name", getClass().getClassLoader()))
        .hasMessageContaining("is not caravan:<lower-case-name>");
  }
}
