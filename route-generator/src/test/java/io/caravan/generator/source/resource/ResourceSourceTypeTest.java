package io.caravan.generator.source.resource;

import static io.caravan.generator.ValidatorFixtures.errors;
import static io.caravan.generator.ValidatorFixtures.eventSource;
import static io.caravan.generator.ValidatorFixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.api.eventsource.resource.ResourceSelector;
import io.caravan.generator.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Argo's checks of a resource event (inventory §1.5.3, validate.go) and its label selector. */
class ResourceSourceTypeTest {

  @Test
  void acceptsArgosExampleSettings() {
    assertThat(
            eventSource(
                """
          resource:
            example:
              namespace: argo-events
              group: argoproj.io
              version: v1alpha1
              resource: workflows
              eventTypes: [ADD, UPDATE, DELETE]
              filter:
                afterStart: true
                prefix: my-workflow
                createdBy: "2019-04-06T12:52:11Z"
                labels:
                  - {key: app, operation: "==", value: my-workflow}
                  - {key: tier}
                  - {key: env, operation: in, value: "dev,prod"}
                  - {key: legacy, operation: "!"}
                  - {key: size, operation: gt, value: "3"}
                fields:
                  - {key: metadata.name, operation: "==", value: "my-.*"}
              metadata: {team: a}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosValidationMessagesAtTheirFields() {
    assertThat(
            eventSource(
                """
          resource:
            no-version: {resource: pods, eventTypes: [ADD]}
            no-resource: {version: v1, eventTypes: [ADD]}
            no-types: {version: v1, resource: pods}
            odd-type: {version: v1, resource: pods, eventTypes: [CREATE]}
            empty-key:
              version: v1
              resource: pods
              eventTypes: [ADD]
              filter:
                labels: [{key: "", value: a}]
                fields: [{key: "", operation: "==", value: a}]
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.resource.no-version.version", "version must be specified"),
            tuple("spec.resource.no-resource.resource", "resource must be specified"),
            tuple("spec.resource.no-types.eventTypes", "event types must be specified"),
            tuple("spec.resource.odd-type.eventTypes[0]", "unknown event type: CREATE"),
            tuple(
                "spec.resource.empty-key.filter.labels[0].key", "key can't be empty for selector"),
            tuple(
                "spec.resource.empty-key.filter.fields[0].key", "key can't be empty for selector"));
  }

  /**
   * DIFFERS: Argo accepts these at validation and fails the listener when it starts ("failed to
   * create the label selector"); Caravan reports them when compiling.
   */
  @Test
  void labelSelectorsKubernetesRefusesAreErrorsNow() {
    assertThat(
            eventSource(
                """
          resource:
            bad:
              version: v1
              resource: pods
              eventTypes: [ADD]
              filter:
                labels:
                  - {key: a, operation: like, value: x}
                  - {key: b, operation: exists, value: x}
                  - {key: c, operation: lt, value: big}
                  - {key: d, value: "not a label value"}
                createdBy: yesterday
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple(
                "spec.resource.bad.filter.labels[0]",
                "failed to create the label selector for the event source, operator 'like' is not"
                    + " recognized"),
            tuple(
                "spec.resource.bad.filter.labels[1]",
                "failed to create the label selector for the event source, values set must be"
                    + " empty for exists and does not exist"),
            tuple(
                "spec.resource.bad.filter.labels[2]",
                "failed to create the label selector for the event source, for 'Gt', 'Lt'"
                    + " operators, the value must be an integer"),
            tuple(
                "spec.resource.bad.filter.labels[3]",
                "failed to create the label selector for the event source, invalid label value:"
                    + " \"not a label value\""),
            tuple(
                "spec.resource.bad.filter.createdBy",
                "createdBy 'yesterday' is not an RFC 3339 time"));
  }

  @Test
  void fieldFiltersWithoutAnOperationWarnThatTheyDropEverything() {
    List<Diagnostic> found =
        eventSource(
            """
          resource:
            e:
              version: v1
              resource: pods
              eventTypes: [DELETE]
              filter:
                fields: [{key: metadata.name, value: web}]
        """);
    assertThat(found)
        .extracting(Diagnostic::isError, Diagnostic::path)
        .containsExactly(tuple(false, "spec.resource.e.filter.fields[0].operation"));
    assertThat(found.get(0).message()).contains("drops every event");
  }

  @Test
  void unknownFieldsAreReportedAtTheirPaths() {
    assertThat(
            eventSource(
                """
          resource:
            e:
              version: v1
              resource: pods
              eventTypes: [ADD]
              cluster: east
              filter:
                labels: [{key: app, value: web, op: "="}]
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.resource.e.cluster", "unknown field 'cluster'"),
            tuple("spec.resource.e.filter.labels[0].op", "unknown field 'op'"));
  }

  /** The manifest example of docs/sources/resource.md validates without errors. */
  @Test
  void theDocsPageExampleIsValid() throws Exception {
    String page =
        Files.readString(
            Path.of(
                System.getProperty("caravan.repo.dir", ".."), "docs", "sources", "resource.md"));
    int start = page.indexOf("```yaml\n") + "```yaml\n".length();
    String example = page.substring(start, page.indexOf("```", start));
    assertThat(example).contains("kind: EventSource");
    assertThat(errors(validate(example))).isEmpty();
  }

  @Test
  void theSelectorIsWrittenAsKubernetesSpellsIt() {
    assertThat(
            ResourceRules.labelSelector(
                List.of(
                    selector("tier", null, "backend"),
                    selector("env", "notin", "qa,dev"),
                    selector("app", "==", "shop"),
                    selector("legacy", "!", null),
                    selector("canary", "exists", ""),
                    selector("size", "gt", "3"),
                    selector("zone", "!=", "eu"))))
        .isEqualTo("app==shop,canary,env notin (dev,qa),!legacy,size>3,tier=backend,zone!=eu");
  }

  private static ResourceSelector selector(String key, String operation, String value) {
    ResourceSelector selector = new ResourceSelector();
    selector.setKey(key);
    selector.setOperation(operation);
    selector.setValue(value);
    return selector;
  }
}
