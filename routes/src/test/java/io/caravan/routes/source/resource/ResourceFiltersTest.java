package io.caravan.routes.source.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Argo's client-side filters (passFilters, filterFields, getEventTime; inventory §1.5.3). */
class ResourceFiltersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode pod() throws Exception {
    return JSON.readTree(
        """
        {"metadata": {"name": "web-1", "namespace": "shop",
           "creationTimestamp": "2026-01-01T10:00:00Z",
           "labels": {"app.kubernetes.io/name": "web"},
           "managedFields": [
             {"operation": "Update", "time": "2026-01-02T10:00:00Z"},
             {"operation": "Apply", "time": "2026-01-05T10:00:00Z"}]},
         "spec": {"replicas": 3, "containers": [{"image": "nginx:1.27"}, {"image": "envoy"}]}}
        """);
  }

  private static ResourceFilters fields(String json) {
    return new ResourceFilters(null, null, null, json);
  }

  @Test
  void fieldsAreGjsonPathsWithUnanchoredRegularExpressions() throws Exception {
    JsonNode pod = pod();
    assertThat(
            fields("[{\"key\":\"metadata.name\",\"operation\":\"==\",\"value\":\"eb\"}]")
                .pass("ADD", pod))
        .isTrue();
    assertThat(
            fields("[{\"key\":\"metadata.name\",\"operation\":\"=\",\"value\":\"^eb\"}]")
                .pass("ADD", pod))
        .isFalse();
    assertThat(
            fields("[{\"key\":\"metadata.name\",\"operation\":\"!=\",\"value\":\"^web\"}]")
                .pass("ADD", pod))
        .isFalse();
    assertThat(
            fields(
                    "[{\"key\":\"spec.containers.1.image\",\"operation\":\"==\",\"value\":\"^envoy$\"}]")
                .pass("ADD", pod))
        .isTrue();
    assertThat(
            fields(
                    "[{\"key\":\"metadata.labels.app\\\\.kubernetes\\\\.io/name\",\"operation\":\"==\",\"value\":\"web\"}]")
                .pass("ADD", pod))
        .isTrue();
    assertThat(
            fields("[{\"key\":\"metadata.lab*.app*\",\"operation\":\"==\",\"value\":\"web\"}]")
                .pass("ADD", pod))
        .isTrue();
    // a missing path drops the event; a non-string value matches as the empty string
    assertThat(
            fields("[{\"key\":\"spec.missing\",\"operation\":\"!=\",\"value\":\"x\"}]")
                .pass("ADD", pod))
        .isFalse();
    assertThat(
            fields("[{\"key\":\"spec.replicas\",\"operation\":\"==\",\"value\":\"^$\"}]")
                .pass("ADD", pod))
        .isTrue();
    assertThat(
            fields("[{\"key\":\"spec.replicas\",\"operation\":\"==\",\"value\":\"3\"}]")
                .pass("ADD", pod))
        .isFalse();
  }

  @Test
  void anEmptyOrUnknownOperationDropsTheEventAsInArgo() throws Exception {
    assertThat(
            fields("[{\"key\":\"metadata.name\",\"operation\":\"\",\"value\":\"web\"}]")
                .pass("ADD", pod()))
        .isFalse();
    assertThat(
            fields("[{\"key\":\"metadata.name\",\"operation\":\"in\",\"value\":\"web\"}]")
                .pass("ADD", pod()))
        .isFalse();
  }

  @Test
  void prefixCreatedByAndAfterStart() throws Exception {
    JsonNode pod = pod();
    assertThat(new ResourceFilters("web-", null, null, null).pass("ADD", pod)).isTrue();
    assertThat(new ResourceFilters("api-", null, null, null).pass("ADD", pod)).isFalse();
    assertThat(new ResourceFilters(null, "2026-01-01T09:00:00Z", null, null).pass("ADD", pod))
        .isFalse();
    assertThat(new ResourceFilters(null, "2026-01-01T11:00:00Z", null, null).pass("ADD", pod))
        .isTrue();
    Instant start = Instant.parse("2026-01-01T12:00:00Z");
    ResourceFilters afterStart = new ResourceFilters(null, null, start, null);
    assertThat(afterStart.pass("ADD", pod)).isFalse(); // created before the start
    assertThat(afterStart.pass("UPDATE", pod)).isTrue(); // the latest Update managedFields entry
    assertThat(afterStart.pass("DELETE", pod)).isTrue(); // no deletionTimestamp: now
  }

  @Test
  void theEventTimeIsArgos() throws Exception {
    JsonNode metadata = pod().path("metadata");
    assertThat(ResourceFilters.eventTime("ADD", metadata)).isEqualTo("2026-01-01T10:00:00Z");
    // Apply entries do not count, only Update ones
    assertThat(ResourceFilters.eventTime("UPDATE", metadata)).isEqualTo("2026-01-02T10:00:00Z");
  }
}
