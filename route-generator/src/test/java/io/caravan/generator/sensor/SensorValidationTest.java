package io.caravan.generator.sensor;

import static io.caravan.generator.ValidatorFixtures.errors;
import static io.caravan.generator.ValidatorFixtures.sensor;
import static io.caravan.generator.ValidatorFixtures.sensorWithTriggers;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

class SensorValidationTest {

  static final String LOG_TRIGGER =
      """
        triggers:
          - template:
              name: log
              log: {}
      """;

  static String withFilters(String filters) {
    return """
          dependencies:
            - name: order
              eventSourceName: shop
              eventName: new-order
              filters:
        """
        + filters.indent(8)
        + LOG_TRIGGER;
  }

  @Test
  void acceptsAValidSensor() {
    assertThat(
            sensor(
                """
          dependencies:
            - name: order
              eventSourceName: shop
              eventName: new-order
              filtersLogicalOperator: or
              filters:
                dataLogicalOperator: and
                context: {type: webhook}
                data:
                  - {path: body.amount, type: number, comparator: ">=", value: ["10"]}
            - name: pay-ment
              eventSourceName: shop
              eventName: payment
          triggers:
            - template:
                name: forward
                conditions: "(order && pay-ment) || order"
                http:
                  url: http://localhost:8080/orders
                  method: PUT
                  secureHeaders:
                    - name: Authorization
                      valueFrom: {secretKeyRef: {name: api, key: token}}
                  payload:
                    - src: {dependencyName: order, dataKey: body}
                  dynamicHeaders:
                    - src: {dependencyName: order, dataKey: header.X-Id.0}
                      dest: X-Id
              policy:
                status: {allow: [200]}
            - template:
                name: pod
                k8s:
                  operation: create
                  source: {resource: {apiVersion: v1, kind: Pod}}
                  parameters:
                    - src: {dependencyName: order, dataKey: body.id}
                      dest: metadata.name
                      operation: prepend
        """))
        .isEmpty();
  }

  @Test
  void needsDependencies() {
    assertThat(errors(sensor(LOG_TRIGGER)))
        .extracting(Diagnostic::path)
        .containsExactly("spec.dependencies");
  }

  @Test
  void dependenciesNeedNameEventSourceAndEventAndUniqueNames() {
    assertThat(
            errors(
                sensor(
                    """
          dependencies:
            - eventSourceName: shop
            - {name: a, eventSourceName: shop, eventName: x}
            - {name: a, eventSourceName: shop, eventName: y}
          triggers:
            - template: {name: log, conditions: a, log: {}}
        """)))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.dependencies[0].name",
            "spec.dependencies[0].eventName",
            "spec.dependencies[2].name");
  }

  @Test
  void needsTriggersWithUniqueNames() {
    assertThat(errors(sensorWithTriggers("")))
        .extracting(Diagnostic::path)
        .containsExactly("spec.triggers");
    assertThat(
            errors(
                sensorWithTriggers(
                    """
          triggers:
            - template: {name: t, log: {}}
            - template: {name: t, log: {}}
            - template: {log: {}}
            - template: {name: typeless}
        """)))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.triggers[1].template.name",
            "spec.triggers[2].template.name",
            "spec.triggers[3].template");
  }

  @Test
  void httpTriggerNeedsUrlAndAKnownMethod() {
    assertThat(
            errors(
                sensorWithTriggers(
                    """
          triggers:
            - template: {name: a, http: {method: POST}}
            - template: {name: b, http: {url: "http://x", method: post}}
        """)))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.triggers[0].template.http.url", "spec.triggers[1].template.http.method");
  }

  @Test
  void secureHeadersNeedExactlyOneSource() {
    assertThat(
            errors(
                sensorWithTriggers(
                    """
          triggers:
            - template:
                name: a
                http:
                  url: http://x
                  secureHeaders:
                    - name: A
                      valueFrom: {}
                    - name: B
                      valueFrom: {configMapKeyRef: {name: cm, key: k}}
        """)))
        .extracting(Diagnostic::path)
        .containsExactly("spec.triggers[0].template.http.secureHeaders[0].valueFrom");
  }

  @Test
  void k8sTriggerNeedsSourceAndOperation() {
    assertThat(
            errors(
                sensorWithTriggers(
                    """
          triggers:
            - template: {name: a, k8s: {}}
            - template: {name: b, k8s: {operation: apply, source: {resource: {kind: Pod}}}}
        """)))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.triggers[0].template.k8s.source",
            "spec.triggers[0].template.k8s.operation",
            "spec.triggers[1].template.k8s.operation");
  }

  @Test
  void parametersNeedSourceDependencyDestAndAKnownOperation() {
    assertThat(
            errors(
                sensorWithTriggers(
                    """
          triggers:
            - template:
                name: a
                http:
                  url: http://x
                  payload:
                    - src: {dependencyName: order, dataKey: body}
                    - dest: x
                  parameters:
                    - src: {dataKey: body.url}
                    - src: {dependencyName: order, dataKey: body.url}
                      dest: http.url
                      operation: replace
              parameters:
                - src: {dependencyName: order, value: x}
        """)))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.triggers[0].template.http.payload[1].src",
            "spec.triggers[0].template.http.parameters[0].src.dependencyName",
            "spec.triggers[0].template.http.parameters[0].dest",
            "spec.triggers[0].template.http.parameters[1].operation",
            "spec.triggers[0].parameters[0].dest");
  }

  @Test
  void dataFiltersNeedPathTypeAndValuesWithKnownTypeAndComparator() {
    assertThat(
            errors(
                sensor(
                    withFilters(
                        """
          data:
            - {type: string, value: [a]}
            - {path: body.a, type: text, value: [a]}
            - {path: body.a, type: number, value: []}
            - {path: body.a, type: number, value: ["1"], comparator: "=="}
        """))))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.dependencies[0].filters.data[0].path",
            "spec.dependencies[0].filters.data[1].type",
            "spec.dependencies[0].filters.data[2].value",
            "spec.dependencies[0].filters.data[3].comparator");
  }

  @Test
  void logicalOperatorsAreAndOrOr() {
    assertThat(
            errors(
                sensor(
                    """
          dependencies:
            - name: order
              eventSourceName: shop
              eventName: new-order
              filtersLogicalOperator: xor
              filters:
                dataLogicalOperator: AND
        """
                        + LOG_TRIGGER)))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.dependencies[0].filtersLogicalOperator",
            "spec.dependencies[0].filters.dataLogicalOperator");
  }

  @Test
  void contextFilterNeedsAField() {
    assertThat(
            errors(
                sensor(
                    withFilters(
                        """
          context: {id: "1"}
        """))))
        .extracting(Diagnostic::path)
        .containsExactly("spec.dependencies[0].filters.context");
  }

  @Test
  void conditionsOnlyUseKnownDependencyNamesAndOperators() {
    assertThat(
            errors(
                sensorWithTriggers(
                    """
          triggers:
            - template: {name: a, conditions: "order && payment", log: {}}
            - template: {name: b, conditions: "!order", log: {}}
            - template: {name: c, conditions: "(order || order", log: {}}
            - template: {name: d, conditions: "order &&", log: {}}
            - template: {name: e, conditions: "order and order", log: {}}
        """)))
        .extracting(d -> d.path() + " | " + d.message())
        .containsExactly(
            "spec.triggers[0].template.conditions | conditions reference unknown dependency 'payment'",
            "spec.triggers[1].template.conditions | invalid conditions '!order': unexpected '!' at position 0;"
                + " only dependency names, &&, || and parentheses are allowed",
            "spec.triggers[2].template.conditions | invalid conditions '(order || order': missing ')'",
            "spec.triggers[3].template.conditions | invalid conditions 'order &&': expression ends where a"
                + " dependency name or '(' is expected",
            "spec.triggers[4].template.conditions | invalid conditions 'order and order': unexpected 'and'");
  }

  @Test
  void reportsUnimplementedSensorFeaturesAsUnsupportedButNotTransformsOrFilterKinds() {
    assertThat(
            sensor(
                """
          dependencies:
            - name: order
              eventSourceName: shop
              eventName: new-order
              transform: {jq: .body}
              filters:
                time: {start: "08:00:00", stop: "18:00:00"}
                script: "return true"
                exprs:
                  - expr: a > 1
                    fields: [{name: a, path: body.a}]
          triggers:
            - template:
                name: wf
                conditionsReset: [{byTime: {cron: "0 0 * * *"}}]
                argoWorkflow:
                  operation: submit
                  args: ["--serviceaccount=ci", "--node-field-selector=phase=Running"]
                  source: {s3: {bucket: {name: b, key: k}}}
              retryStrategy: {steps: 3}
              rateLimit: {unit: Second, requestsPerUnit: 1}
              atLeastOnce: true
              policy: {k8s: {labels: {done: "true"}}}
            - template:
                name: pod
                k8s:
                  operation: update
                  patchStrategy: application/merge-patch+json
                  liveObject: true
                  source: {git: {url: "git@github.com:o/r.git", filePath: pod.yaml, githubApp: {appID: 1}}}
            - template:
                name: call
                custom: {serverURL: "adapter:9000", spec: {job: x}}
        """))
        .extracting(d -> d.path() + " | " + d.message())
        .containsExactly(
            "spec.triggers[0].template.argoWorkflow.args | unsupported: argo CLI argument "
                + "'--node-field-selector=phase=Running' (supported: --entrypoint, --generate-name, --labels, --name, "
                + "--parameter, --serviceaccount, -l, -p)",
            "spec.triggers[0].template.argoWorkflow.source.s3 | unsupported: trigger source 's3'",
            "spec.triggers[1].template.k8s.source.git.url | unsupported: git over ssh (use an https URL with creds)",
            "spec.triggers[1].template.k8s.source.git.githubApp | unsupported: git GitHub App credentials (use creds)",
            "spec.triggers[2].template.custom | unsupported: trigger type 'custom' (a gRPC triggers.Trigger"
                + " server): Caravan has no gRPC client; use an http trigger to a small adapter"
                + " (docs/triggers/custom.md)");
  }

  @Test
  void unsupportedPartsAreStillCheckedAgainstArgoRules() {
    assertThat(
            errors(
                sensor(
                    """
          dependencies:
            - name: order
              eventSourceName: shop
              eventName: new-order
              filters:
                time: {start: "08:00:00", stop: "08:00:00", timezone: Nowhere/City}
                exprs: [{expr: a > 1}]
          triggers:
            - template:
                name: log
                conditionsReset: [{byTime: {cron: "every day"}}]
                log: {}
              rateLimit: {unit: Day}
              policy: {status: {allow: []}}
              dlqTrigger:
                template: {name: dlq, log: {}}
        """)))
        .filteredOn(d -> !d.message().startsWith("unsupported"))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.dependencies[0].filters.exprs[0].fields",
            "spec.dependencies[0].filters.time.stop",
            "spec.dependencies[0].filters.time.timezone",
            "spec.triggers[0].template.conditionsReset[0].byTime.cron",
            "spec.triggers[0].policy.status.allow",
            "spec.triggers[0].rateLimit.unit",
            "spec.triggers[0].atLeastOnce",
            "spec.triggers[0].dlqTrigger.atLeastOnce");
  }

  @Test
  void retryStrategyValuesAreCheckedAsTheRuntimeReadsThem() {
    assertThat(
            errors(
                sensor(
                    """
          dependencies:
            - name: order
              eventSourceName: shop
              eventName: new-order
          triggers:
            - template: {name: a, log: {}}
              retryStrategy: {steps: 3, duration: soon}
            - template: {name: b, log: {}}
              retryStrategy: {steps: -1, factor: -2}
            - template: {name: c, log: {}}
              retryStrategy: {steps: 2, duration: 1500000000, factor: 1.5, jitter: 0.2}
            - template: {name: d, log: {}}
              retryStrategy: {duration: 1m30s}
        """)))
        .extracting(d -> d.path() + " | " + d.message())
        .containsExactly(
            "spec.triggers[0].retryStrategy.duration | duration 'soon' must be nanoseconds or a Go duration"
                + " such as 500ms or 2s",
            "spec.triggers[1].retryStrategy.steps | steps must not be negative",
            "spec.triggers[1].retryStrategy | factor and jitter must not be negative");
  }
}
