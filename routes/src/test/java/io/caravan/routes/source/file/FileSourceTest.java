package io.caravan.routes.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.caravan.routes.event.ArgoEvent;
import io.caravan.routes.metrics.ArgoMetrics;
import io.caravan.routes.testing.RouteContractTestSupport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-source Kamelet and argo-file component on a temporary directory (inventory §1.5.10,
 * §2.3): Argo's path matching (the directory string stripped), eventType matched exactly, {@code
 * op} as Argo's number, metadata null when absent, inotify and polling.
 */
class FileSourceTest extends RouteContractTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private void route(String id, String directory, String extra) throws Exception {
    context
        .getRegistry()
        .bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(new SimpleMeterRegistry(), "ns"));
    String yaml =
        """
        - route:
            id: %s
            from:
              uri: kamelet:file-source
              parameters:
                eventSourceName: files
                eventName: %s
                directory: %s
        %s
              steps:
                - to: argo-event:files/%s?type=file
                - to: mock:%s
        """
            .formatted(id, id, directory, extra.indent(8).stripTrailing(), id, id);
    PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(id + ".yaml", yaml));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                context.getRoutes().stream()
                    .anyMatch(
                        r ->
                            r.getConsumer() instanceof FileSourceConsumer c
                                && c.isWatching()
                                && c.getEndpoint().getEventName().equals(id)));
  }

  private List<JsonNode> data(String mock) {
    return getMockEndpoint("mock:" + mock).getReceivedExchanges().stream()
        .map(e -> e.getIn().getBody(ArgoEvent.class).data())
        .toList();
  }

  @Test
  void inotifyReportsTheCreateOfTheMatchingPathWithArgosData() throws Exception {
    route(
        "created",
        dir + "/",
        """
        eventType: CREATE
        filePath: x.txt
        metadata: '{"team":"ops"}'""");
    Files.writeString(dir.resolve("y.txt"), "other");
    Files.writeString(dir.resolve("x.txt"), "hello");

    await().atMost(Duration.ofSeconds(10)).until(() -> data("created").size() == 1);
    assertThat(data("created").get(0))
        .isEqualTo(
            JSON.readTree(
                "{\"name\":\"%s\",\"op\":1,\"metadata\":{\"team\":\"ops\"}}"
                    .formatted(dir.resolve("x.txt"))));
    assertThat(getMockEndpoint("mock:created").getReceivedExchanges().get(0).getIn())
        .extracting(m -> m.getBody(ArgoEvent.class).type())
        .isEqualTo("file");
  }

  @Test
  void inotifyReportsWritesAndRemovesOfEntriesMatchingThePattern() throws Exception {
    route("written", dir + "/", "eventType: WRITE\nfilePathRegexp: 'RAW(ap+\\.log$)'");
    route("removed", dir + "/", "eventType: REMOVE\nfilePathRegexp: '\\.log$'");
    Path log = dir.resolve("app.log");
    Files.writeString(log, "one");
    Files.writeString(dir.resolve("app.txt"), "ignored");
    await().atMost(Duration.ofSeconds(10)).until(() -> !data("written").isEmpty());
    Files.delete(log);

    await().atMost(Duration.ofSeconds(10)).until(() -> data("removed").size() == 1);
    assertThat(data("written")).allMatch(d -> d.get("op").asInt() == 2);
    assertThat(data("written").get(0).get("name").asText()).isEqualTo(log.toString());
    assertThat(data("removed").get(0))
        .isEqualTo(JSON.readTree("{\"name\":\"%s\",\"op\":4,\"metadata\":null}".formatted(log)));
  }

  @Test
  void withoutATrailingSlashTheRelativePathStartsWithASlashAsInArgo() throws Exception {
    route("exact", dir.toString(), "eventType: CREATE\nfilePath: a.txt");
    route("slashed", dir.toString(), "eventType: CREATE\nfilePathRegexp: '^/a\\.txt$'");
    Files.writeString(dir.resolve("a.txt"), "a");

    await().atMost(Duration.ofSeconds(10)).until(() -> data("slashed").size() == 1);
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> data("exact").isEmpty());
  }

  @Test
  void pollingAlsoReportsRenamesAndPermissionChanges() throws Exception {
    Path a = dir.resolve("a.txt");
    Files.writeString(a, "a");
    route("renamed", dir + "/", "eventType: RENAME\nfilePathRegexp: '.'\npolling: true");
    route("chmod", dir + "/", "eventType: CHMOD\nfilePathRegexp: '.'\npolling: true");
    route("created", dir + "/", "eventType: CREATE\nfilePathRegexp: '.'\npolling: true");

    Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-------"));
    await().atMost(Duration.ofSeconds(10)).until(() -> data("chmod").size() == 1);
    Files.move(a, dir.resolve("b.txt"));
    await().atMost(Duration.ofSeconds(10)).until(() -> data("renamed").size() == 1);
    Files.writeString(dir.resolve("c.txt"), "c");
    await().atMost(Duration.ofSeconds(10)).until(() -> data("created").size() == 1);

    assertThat(data("chmod").get(0).get("op").asInt()).isEqualTo(16);
    assertThat(data("renamed").get(0))
        .isEqualTo(JSON.readTree("{\"name\":\"%s\",\"op\":8,\"metadata\":null}".formatted(a)));
    assertThat(data("created"))
        .as("the renamed entry is not reported as created")
        .extracting(d -> d.get("name").asText())
        .containsExactly(dir.resolve("c.txt").toString());
  }

  @Test
  void aDirectoryThatDoesNotExistYetIsWaitedFor() throws Exception {
    Path later = dir.resolve("later");
    context
        .getRegistry()
        .bind(ArgoMetrics.BEAN_NAME, new ArgoMetrics(new SimpleMeterRegistry(), "ns"));
    PluginHelper.getRoutesLoader(context)
        .loadRoutes(
            ResourceHelper.fromString(
                "later.yaml",
                """
                - route:
                    id: later
                    from:
                      uri: kamelet:file-source
                      parameters:
                        eventSourceName: files
                        eventName: later
                        directory: %s/
                        eventType: CREATE
                        filePath: x
                      steps:
                        - to: mock:later
                """
                    .formatted(later)));
    Files.createDirectories(later);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                context.getRoutes().stream()
                    .anyMatch(
                        r -> r.getConsumer() instanceof FileSourceConsumer c && c.isWatching()));
    Files.writeString(later.resolve("x"), "x");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> getMockEndpoint("mock:later").getReceivedCounter() == 1);
  }
}
