package io.caravan.generator.support;

import static io.caravan.generator.ValidatorFixtures.eventSource;
import static io.caravan.generator.ValidatorFixtures.sensor;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostic.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * validate parses expressions and templates with the runtime's parsers and warns about the broken
 * ones.
 */
class ExpressionSyntaxTest {

  private static final String SENSOR =
      """
        dependencies:
          - name: order
            eventSourceName: shop
            eventName: new-order
            filters:
              exprs:
                - expr: amount > 10 &&
                  fields: [{name: amount, path: body.amount}]
                - expr: amount > 10 && region == "eu"
                  fields: [{name: amount, path: body.amount}, {name: region, path: body.region}]
              data:
                - path: body.id
                  type: string
                  value: ["a"]
                  template: "{{ .Input | upper"
        triggers:
          - template:
              name: notify
              log: {}
            parameters:
              - src: {dependencyName: order, dataTemplate: "{{ .Input.body.id", dataKey: body.id}
                dest: message
              - src: {dependencyName: order, contextTemplate: "{{ .Input.id | upper }}"}
                dest: id
      """;

  @Test
  void brokenExpressionsAndTemplatesAreWarningsNamingTheField() {
    List<Diagnostic> diagnostics = sensor(SENSOR);
    assertThat(diagnostics).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
    assertThat(diagnostics)
        .extracting(Diagnostic::path)
        .containsExactlyInAnyOrder(
            "spec.dependencies[0].filters.exprs[0].expr",
            "spec.dependencies[0].filters.data[0].template",
            "spec.triggers[0].parameters[0].src.dataTemplate");
    assertThat(diagnostics)
        .filteredOn(d -> d.path().endsWith("exprs[0].expr"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.message())
                    .startsWith("expression does not parse, every event will fail"));
    assertThat(diagnostics)
        .filteredOn(d -> d.path().endsWith("dataTemplate"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("will use its dataKey or value instead"));
  }

  @Test
  void brokenEventSourceFilterIsAWarning() {
    List<Diagnostic> diagnostics =
        eventSource(
            """
          webhook:
            orders:
              port: "12000"
              endpoint: /orders
              method: POST
              filter:
                expression: body.amount > (10
        """);
    assertThat(diagnostics)
        .as(diagnostics.toString())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.path()).isEqualTo("spec.webhook.orders.filter.expression");
              assertThat(d.message())
                  .startsWith(
                      "expression does not parse, no event of this source will be published");
            });
    assertThat(
            eventSource(
                """
          calendar:
            tick:
              interval: 10s
              filter:
                expression: 'metadata.kind == "nightly"'
            tock:
              interval: 10s
              filter:
                expression: 'metadata.kind == '
        """))
        .extracting(Diagnostic::path)
        .containsExactly("spec.calendar.tock.filter.expression");
  }
}
