package io.caravan.routes.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.routes.testing.TestContexts;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.component.properties.PropertiesLookup;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

class IdentifierPlaceholderParserTest {
  private static final Map<String, String> PROPERTIES =
      Map.of(
          "port",
          "12000",
          "endpoint",
          "/example",
          "chain",
          "{{port}}",
          "loop",
          "{{loop}}",
          "template",
          "{{ .Input.body }}",
          "camel.main.name",
          "caravan");
  private static final PropertiesLookup LOOKUP = (name, defaultValue) -> PROPERTIES.get(name);

  private final IdentifierPlaceholderParser parser =
      new IdentifierPlaceholderParser(new PropertiesComponent());

  private String parse(String text) {
    return parser.parseUri(text, LOOKUP, true, false, true);
  }

  @Test
  void resolvesPlainIdentifiers() {
    assertThat(parse("argo-webhook:{{port}}{{endpoint}}?method=POST"))
        .isEqualTo("argo-webhook:12000/example?method=POST");
  }

  @Test
  void usesDefaultsAndOptionals() {
    assertThat(parse("a={{missing:fallback}}&b={{port:1}}")).isEqualTo("a=fallback&b=12000");
    assertThat(parse("x{{?missing}}y")).isEqualTo("xy");
    assertThat(parse("{{?missing}}")).isNull();
    assertThat(parser.parseUri("a={{?missing}}", LOOKUP, true, true, true))
        .isEqualTo("a={{?missing}}");
  }

  @Test
  void leavesGoAndArgoWorkflowTemplatesUntouched() {
    String text =
        "{{ .Input.body.x | default \"a:b\" }} {{inputs.parameters.message}} {{.Input}} {{- .x -}}"
            + " {{workflow.name}} {{ port }}";
    assertThat(parse(text)).isEqualTo(text);
    assertThat(parse("{{inputs.parameters.message}}")).isEqualTo("{{inputs.parameters.message}}");
  }

  @Test
  void mixesResolvedAndUntouchedPlaceholders() {
    assertThat(parse("{{ if .x }}{{port}}{{ end }} {{inputs.parameters.a}}:{{endpoint}}"))
        .isEqualTo("{{ if .x }}12000{{ end }} {{inputs.parameters.a}}:/example");
  }

  @Test
  void resolvedValuesAreParsedWithTheSameRules() {
    assertThat(parse("{{chain}}")).isEqualTo("12000");
    assertThat(parse("t={{template}}")).isEqualTo("t={{ .Input.body }}");
    assertThatThrownBy(() -> parse("{{loop}}")).hasMessageContaining("Circular reference");
  }

  @Test
  void missingRequiredIdentifierFailsAsInCamel() {
    assertThatThrownBy(() -> parse("x{{nope}}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void camelSettingKeysStillResolve() {
    assertThat(parse("{{camel.main.name}}")).isEqualTo("caravan");
    assertThatThrownBy(() -> parse("{{camel.main.cloud-properties-location}}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textWithoutPlaceholdersIsUnchanged() {
    assertThat(parse("{\"a\":{\"b\":1}}")).isEqualTo("{\"a\":{\"b\":1}}");
    assertThat(parse("plain")).isEqualTo("plain");
  }

  @Test
  void worksInsideCamelForBeanPropertiesAndKameletParameters() throws Exception {
    try (CamelContext context = TestContexts.create()) {
      CaravanRuntime.installPlaceholderParser(context);
      context.getPropertiesComponent().addInitialProperty("greetingWord", "hello");
      context.getPropertiesComponent().addInitialProperty("holderName", "holder");
      String yaml =
          """
          - beans:
              - name: holder
                type: io.caravan.routes.runtime.TextHolder
                properties:
                  text: |
                    {{greetingWord}} {{ .Input.body.name | default "a:b" }} {{inputs.parameters.message}}
          - route:
              id: greet
              from:
                uri: direct:greet
                steps:
                  - to:
                      uri: kamelet:caravan-test-greeting
                      parameters:
                        greeting: "{{greetingWord}}"
          """;
      PluginHelper.getRoutesLoader(context)
          .loadRoutes(ResourceHelper.fromString("test.yaml", yaml));
      context.start();
      assertThat(
              context
                  .getPropertiesComponent()
                  .resolveProperty("camel.main.cloud-properties-location"))
          .isEmpty();
      TextHolder holder = context.getRegistry().lookupByNameAndType("holder", TextHolder.class);
      assertThat(holder.getText())
          .isEqualTo(
              "hello {{ .Input.body.name | default \"a:b\" }} {{inputs.parameters.message}}\n");
      String answer =
          context.createProducerTemplate().requestBody("direct:greet", "ignored", String.class);
      assertThat(answer)
          .isEqualTo(
              "hello {{ .Input.body.name | default \"a:b\" }} {{inputs.parameters.message}}");
    }
  }
}
