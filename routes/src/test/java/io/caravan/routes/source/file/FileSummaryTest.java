package io.caravan.routes.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.routes.source.SourceSummary;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The {@code caravan run} line of a file event, found through the SourceSummary registry. */
class FileSummaryTest {
  @Test
  void describesDirectoryPathOperationAndMode() {
    SourceSummary summary =
        ServiceLoader.load(SourceSummary.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> s.kamelet().equals("file-source"))
            .findFirst()
            .orElseThrow();
    assertThat(summary.heading()).isEqualTo("Watched files");
    assertThat(
            summary.describe(
                Map.of("directory", "/data/", "filePath", "x.txt", "eventType", "CREATE")))
        .isEqualTo("/data/ path 'x.txt' on CREATE (inotify)");
    assertThat(
            summary.describe(
                Map.of(
                    "directory",
                    "/data/",
                    "filePathRegexp",
                    "\\.log$",
                    "eventType",
                    "WRITE",
                    "polling",
                    true)))
        .isEqualTo("/data/ pathRegexp '\\.log$' on WRITE (polling)");
  }
}
