package io.caravan.generator.source;

import static io.caravan.generator.ValidatorFixtures.errors;
import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import io.caravan.generator.ValidatorFixtures;
import org.junit.jupiter.api.Test;

class EventSourceValidationTest {

  @Test
  void acceptsAValidWebhookAndCalendarSource() {
    assertThat(
            eventSource(
                """
          webhook:
            new-order:
              port: 12000
              endpoint: /orders
              method: POST
              authSecret: {name: token, key: value}
        """))
        .isEmpty();
    assertThat(
            eventSource(
                """
          calendar:
            tick:
              schedule: "*/5 9-17 * JAN-DEC MON-FRI"
              timezone: America/New_York
              exclusionDates: ["EXDATE:20250101T000000Z,20251225T000000Z"]
            every-90s:
              interval: 1m30s
        """))
        .isEmpty();
  }

  @Test
  void reportsUnknownFieldsWithTheirPaths() {
    assertThat(
            eventSource(
                """
          replica: 2
          webhook:
            example:
              port: "12000"
              endpoint: /example
              retries: 3
              authSecret: {name: token, key: value, namespace: other}
        """))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple("spec.replica", "unknown field 'replica'"),
            tuple("spec.webhook.example.retries", "unknown field 'retries'"),
            tuple("spec.webhook.example.authSecret.namespace", "unknown field 'namespace'"));
  }

  @Test
  void reportsOtherSourceTypesAsUnsupported() {
    assertThat(
            eventSource(
                """
          emitter:
            orders: {broker: "emitter:8080", channelKey: key, channelName: orders}
        """))
        .containsExactly(Diagnostic.unsupported("spec.emitter", "EventSource type 'emitter'"));
  }

  @Test
  void acceptsFiltersAndCalendarPersistence() {
    assertThat(
            eventSource(
                """
          webhook:
            example: {port: "12000", endpoint: /example, filter: {expression: "body.a == 1"}}
        """))
        .isEmpty();
    assertThat(
            eventSource(
                """
          calendar:
            tick:
              schedule: "* * * * *"
              persistence:
                catchup: {enabled: true, maxDuration: 5m}
                configMap: {name: test-configmap, createIfNotExist: true}
            keep-only:
              interval: 10s
              persistence: {configMap: {name: calendar.state}}
            no-limit:
              interval: 1h
              persistence: {catchup: {enabled: true, maxDuration: ""}, configMap: {name: calendar-state}}
        """))
        .isEmpty();
  }

  @Test
  void calendarPersistenceNeedsAConfigMapName() {
    String required =
        "configMap name is required: it is the ConfigMap that keeps the last event time";
    assertThat(
            eventSource(
                """
          calendar:
            catchup-only: {interval: 10s, persistence: {catchup: {enabled: true}}}
            empty: {interval: 10s, persistence: {}}
            no-name: {interval: 10s, persistence: {configMap: {name: "", createIfNotExist: true}}}
        """))
        .containsExactly(
            Diagnostic.error("spec.calendar.catchup-only.persistence.configMap.name", required),
            Diagnostic.error("spec.calendar.empty.persistence.configMap.name", required),
            Diagnostic.error("spec.calendar.no-name.persistence.configMap.name", required));
  }

  @Test
  void calendarPersistenceConfigMapNameMustBeAKubernetesName() {
    String rule =
        " is not a valid Kubernetes name: lowercase letters, digits, '-' and '.', starting and ending"
            + " with a letter or digit, at most 253 characters";
    String tooLong = "a".repeat(254);
    assertThat(
            eventSource(
                """
          calendar:
            upper: {interval: 10s, persistence: {configMap: {name: Calendar-State}}}
            underscore: {interval: 10s, persistence: {configMap: {name: calendar_state}}}
            dash-end: {interval: 10s, persistence: {configMap: {name: calendar-}}}
            dot-start: {interval: 10s, persistence: {configMap: {name: .calendar}}}
            dot-dash: {interval: 10s, persistence: {configMap: {name: calendar.-state}}}
            too-long: {interval: 10s, persistence: {configMap: {name: %s}}}
            longest: {interval: 10s, persistence: {configMap: {name: %s}}}
        """
                    .formatted(tooLong, "a".repeat(253))))
        .containsExactly(
            Diagnostic.error(
                "spec.calendar.upper.persistence.configMap.name",
                "ConfigMap name 'Calendar-State'" + rule),
            Diagnostic.error(
                "spec.calendar.underscore.persistence.configMap.name",
                "ConfigMap name 'calendar_state'" + rule),
            Diagnostic.error(
                "spec.calendar.dash-end.persistence.configMap.name",
                "ConfigMap name 'calendar-'" + rule),
            Diagnostic.error(
                "spec.calendar.dot-start.persistence.configMap.name",
                "ConfigMap name '.calendar'" + rule),
            Diagnostic.error(
                "spec.calendar.dot-dash.persistence.configMap.name",
                "ConfigMap name 'calendar.-state'" + rule),
            Diagnostic.error(
                "spec.calendar.too-long.persistence.configMap.name",
                "ConfigMap name '" + tooLong + "'" + rule));
  }

  @Test
  void calendarCatchupMaxDurationMustBeAPositiveGoDuration() {
    assertThat(
            eventSource(
                """
          calendar:
            words: {interval: 10s, persistence: {catchup: {enabled: true, maxDuration: 5 minutes}, configMap: {name: s}}}
            no-unit: {interval: 10s, persistence: {catchup: {enabled: true, maxDuration: "300"}, configMap: {name: s}}}
            negative: {interval: 10s, persistence: {catchup: {enabled: true, maxDuration: -5m}, configMap: {name: s}}}
            zero: {interval: 10s, persistence: {catchup: {enabled: true, maxDuration: "0s"}, configMap: {name: s}}}
            bare-zero: {interval: 10s, persistence: {catchup: {enabled: true, maxDuration: "0"}, configMap: {name: s}}}
            compound: {interval: 10s, persistence: {catchup: {enabled: true, maxDuration: 1h30m}, configMap: {name: s}}}
        """))
        .containsExactly(
            Diagnostic.error(
                "spec.calendar.words.persistence.catchup.maxDuration",
                "invalid maxDuration '5 minutes': expected a duration such as 10m or 1h30m"),
            Diagnostic.error(
                "spec.calendar.no-unit.persistence.catchup.maxDuration",
                "invalid maxDuration '300': expected a duration such as 10m or 1h30m"),
            Diagnostic.error(
                "spec.calendar.negative.persistence.catchup.maxDuration",
                "maxDuration must be positive, found '-5m'"),
            Diagnostic.error(
                "spec.calendar.zero.persistence.catchup.maxDuration",
                "maxDuration must be positive, found '0s'"),
            Diagnostic.error(
                "spec.calendar.bare-zero.persistence.catchup.maxDuration",
                "maxDuration must be positive, found '0'"));
  }

  @Test
  void warnsThatMaxDurationIsIgnoredWithoutCatchup() {
    assertThat(
            eventSource(
                """
          calendar:
            disabled: {interval: 10s, persistence: {catchup: {enabled: false, maxDuration: 5m}, configMap: {name: s}}}
            unset: {interval: 10s, persistence: {catchup: {maxDuration: 5m}, configMap: {name: s}}}
        """))
        .containsExactly(
            Diagnostic.warning(
                "spec.calendar.disabled.persistence.catchup.maxDuration",
                "ignored: catch-up is not enabled"),
            Diagnostic.warning(
                "spec.calendar.unset.persistence.catchup.maxDuration",
                "ignored: catch-up is not enabled"));
  }

  @Test
  void reportsUnknownFieldsUnderCalendarPersistence() {
    assertThat(
            eventSource(
                """
          calendar:
            tick:
              interval: 10s
              persistence:
                catchup: {enabled: true, since: 1h}
                configMap: {name: calendar-state, namespace: other}
                store: redis
        """))
        .containsExactlyInAnyOrder(
            Diagnostic.error("spec.calendar.tick.persistence.store", "unknown field 'store'"),
            Diagnostic.error(
                "spec.calendar.tick.persistence.catchup.since", "unknown field 'since'"),
            Diagnostic.error(
                "spec.calendar.tick.persistence.configMap.namespace", "unknown field 'namespace'"));
  }

  @Test
  void warnsAboutIgnoredDeploymentSettings() {
    assertThat(
            eventSource(
                """
          replicas: 2
          service: {ports: [{port: 12000, targetPort: 12000}]}
          webhook:
            example: {port: "12000", endpoint: /example}
        """))
        .extracting(Diagnostic::severity, Diagnostic::path)
        .containsExactly(
            tuple(Diagnostic.Severity.WARNING, "spec.service"),
            tuple(Diagnostic.Severity.WARNING, "spec.replicas"));
  }

  @Test
  void replicasWarningSaysWhichSourcesRunOnEveryReplica() {
    assertThat(
            eventSource(
                """
          replicas: 2
          calendar:
            tick: {interval: 10s}
        """))
        .singleElement()
        .satisfies(
            warning -> {
              assertThat(warning.path()).isEqualTo("spec.replicas");
              assertThat(warning.message())
                  .contains("webhook replicas all serve")
                  .contains("calendar events fire on the elected leader only")
                  .contains("Lease eventsource-<name>")
                  .doesNotContain("Sensor");
            });
  }

  @Test
  void requiresAtLeastOneEvent() {
    assertThat(
            eventSource(
                """
          eventBusName: default
        """))
        .extracting(Diagnostic::path)
        .containsExactly("spec");
  }

  @Test
  void eventNamesMustBeUniqueAcrossTypes() {
    assertThat(
            errors(
                eventSource(
                    """
          webhook:
            example: {port: "12000", endpoint: /example}
          github:
            example: {}
        """)))
        .extracting(Diagnostic::path)
        .contains("spec.github.example");
  }

  @Test
  void namesMustNotContainDots() {
    assertThat(
            errors(
                eventSource(
                    """
          webhook:
            new.order: {port: "12000", endpoint: /orders}
        """)))
        .extracting(Diagnostic::path)
        .containsExactly("spec.webhook.new.order");
    assertThat(
            errors(
                ValidatorFixtures.validate(
                    """
        apiVersion: argoproj.io/v1alpha1
        kind: EventSource
        metadata: {name: my.shop}
        spec:
          webhook:
            example: {port: "12000", endpoint: /example}
        """)))
        .extracting(Diagnostic::path)
        .containsExactly("metadata.name");
  }

  @Test
  void refusesToMixLeaderElectedAndActiveActiveTypes() {
    assertThat(
            errors(
                eventSource(
                    """
          webhook:
            hook: {port: "12000", endpoint: /hook}
          calendar:
            tick: {interval: 10s}
        """)))
        .extracting(Diagnostic::path, Diagnostic::message)
        .anySatisfy(
            t ->
                assertThat(t.toList())
                    .containsExactly(
                        "spec",
                        "event sources with rolling update and recreate update strategy can not be put together:"
                            + " [webhook] cannot share an EventSource with [calendar]; split them into separate EventSources"));
  }

  @Test
  void webhookNeedsEndpointAndNumericPort() {
    assertThat(
            errors(
                eventSource(
                    """
          webhook:
            a: {method: POST}
            b: {port: http, endpoint: no-slash}
            c: {port: "70000", endpoint: /c, maxPayloadSize: 0}
        """)))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.webhook.a.endpoint", "spec.webhook.a.port",
            "spec.webhook.b.endpoint", "spec.webhook.b.port",
            "spec.webhook.c.port", "spec.webhook.c.maxPayloadSize");
  }

  @Test
  void secretReferencesNeedNameAndKey() {
    assertThat(
            errors(
                eventSource(
                    """
          webhook:
            a: {port: "1", endpoint: /a, authSecret: {name: token}}
        """)))
        .extracting(Diagnostic::path)
        .containsExactly("spec.webhook.a.authSecret.key");
  }

  @Test
  void calendarNeedsAParsableScheduleOrInterval() {
    assertThat(
            errors(
                eventSource(
                    """
          calendar:
            none: {timezone: UTC}
            six-fields: {schedule: "0 * * * * *"}
            descriptor: {schedule: "@hourly"}
            out-of-range: {schedule: "61 * * * *"}
            bad-interval: {interval: 10 seconds}
            too-short: {interval: 10ms}
        """)))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.calendar.none",
            "spec.calendar.six-fields.schedule",
            "spec.calendar.descriptor.schedule",
            "spec.calendar.out-of-range.schedule",
            "spec.calendar.bad-interval.interval",
            "spec.calendar.too-short.interval");
  }

  @Test
  void calendarTimezoneMustBeIana() {
    assertThat(
            errors(
                eventSource(
                    """
          calendar:
            tick: {interval: 1h, timezone: Mars/Olympus}
        """)))
        .containsExactly(
            Diagnostic.error("spec.calendar.tick.timezone", "unknown time zone 'Mars/Olympus'"));
  }

  @Test
  void exclusionDatesMustUseTheExdateFormat() {
    assertThat(
            errors(
                eventSource(
                    """
          calendar:
            tick:
              interval: 1h
              exclusionDates: ["2025-01-01", "EXDATE:20250230T000000Z", "EXDATE:20250101T000000Z"]
        """)))
        .extracting(Diagnostic::path)
        .containsExactly(
            "spec.calendar.tick.exclusionDates[0]", "spec.calendar.tick.exclusionDates[1]");
  }

  @Test
  void anEventThatDoesNotFitItsTypesModelIsReportedAtItsFieldAndTheOthersAreStillChecked() {
    assertThat(
            errors(
                eventSource(
                    """
          webhook:
            bad: {port: [1], endpoint: /bad}
            good: {port: "12000", endpoint: good}
        """)))
        .extracting(Diagnostic::path, Diagnostic::message)
        .containsExactly(
            tuple("spec.webhook.bad.port", "expected a string"),
            tuple("spec.webhook.good.endpoint", "endpoint 'good' must start with '/'"));
  }
}
