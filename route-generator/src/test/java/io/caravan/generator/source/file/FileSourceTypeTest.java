package io.caravan.generator.source.file;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.caravan.generator.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Argo's checks of a file event (inventory §1.4: eventType, watchPathConfig) and the warnings of
 * settings that never match.
 */
class FileSourceTypeTest {

  @Test
  void acceptsPathAndPatternWatchesInotifyOrPolling() {
    assertThat(
            eventSource(
                """
          file:
            exact:
              eventType: CREATE
              watchPathConfig: {directory: /data/, path: x.txt}
              metadata: {team: ops}
            pattern:
              eventType: REMOVE
              polling: true
              watchPathConfig: {directory: /data, pathRegexp: '\\.csv$'}
              filter: {expression: "op == 4"}
        """))
        .isEmpty();
  }

  @Test
  void reportsArgosChecksAndSettingsThatNeverMatch() {
    assertThat(
            eventSource(
                """
          file:
            no-type: {watchPathConfig: {directory: /data/, path: a}}
            no-path: {eventType: CREATE, watchPathConfig: {directory: /data/}}
            relative: {eventType: CREATE, watchPathConfig: {directory: data/, path: a}}
            no-slash: {eventType: CREATE, watchPathConfig: {directory: /data, path: a}}
            lower: {eventType: create, watchPathConfig: {directory: /data/, path: a}}
            typo: {eventType: CREATE, watchPathConfig: {directory: /data/, path: a}, poling: true}
        """))
        .extracting(Diagnostic::severity, Diagnostic::path, Diagnostic::message)
        .containsExactlyInAnyOrder(
            tuple(
                Diagnostic.Severity.ERROR, "spec.file.no-type.eventType", "eventType is required"),
            tuple(
                Diagnostic.Severity.ERROR,
                "spec.file.no-path.watchPathConfig",
                "either path or pathRegexp must be specified"),
            tuple(
                Diagnostic.Severity.ERROR,
                "spec.file.relative.watchPathConfig.directory",
                "directory must be an absolute file path, found 'data/'"),
            tuple(
                Diagnostic.Severity.WARNING,
                "spec.file.no-slash.watchPathConfig.directory",
                "directory does not end with '/': the relative path of an entry starts with '/'"
                    + " and path 'a' never matches (as in Argo)"),
            tuple(
                Diagnostic.Severity.WARNING,
                "spec.file.lower.eventType",
                "eventType 'create' never matches: the operations are CREATE, WRITE, REMOVE,"
                    + " RENAME and CHMOD (matched exactly, as in Argo)"),
            tuple(Diagnostic.Severity.ERROR, "spec.file.typo.poling", "unknown field 'poling'"));
  }
}
