package io.caravan.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoTemplateTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DATA =
      "{\"name\":{\"first\":\"fake\",\"last\":\"user\"},\"reviews\":8,"
          + "\"rating\":4.5,\"isActive\":true,\"countries\":[\"ca\",\"us\",\"mx\"],\"n\":1000000,"
          + "\"big\":1234567,\"small\":0.00001,\"nothing\":null,\"subject\":\"example-1\","
          + "\"html\":\"<a&b>\",\"x-key\":\"dash\"}";

  private static String render(String template) throws Exception {
    return GoTemplate.parse(template).executeInput(MAPPER.readTree(DATA));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '~',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "{{ .Input.name.first }} => fake",
        "{{ upper .Input.name.first }} => FAKE",
        "{{ .Input.name.first | upper }} => FAKE",
        "{{ .Input.subject | replace \"-\" \"_\" }} => example_1",
        "{{ printf \"%s-%s\" .Input.name.first .Input.name.last }} => fake-user",
        "{{ .Input.n }} => 1e+06",
        "{{ .Input.big }} => 1.234567e+06",
        "{{ .Input.small }} => 1e-05",
        "{{ .Input.rating }} => 4.5",
        "{{ .Input.reviews }} => 8",
        "{{ .Input.countries }} => [ca us mx]",
        "{{ .Input.name }} => map[first:fake last:user]",
        "{{ .Input.missing }} => <no value>",
        "{{ .Input.nothing }} => <no value>",
        "{{ .Input.name.non_exist }} => <no value>",
        "{{ toJson .Input.name }} => {\"first\":\"fake\",\"last\":\"user\"}",
        "{{ toJson .Input.html }} => \"\\u003ca\\u0026b\\u003e\"",
        "{{ toJson .Input.n }} => 1000000",
        "{{ toJson .Input.countries }} => [\"ca\",\"us\",\"mx\"]",
        "{{ index .Input \"x-key\" }} => dash",
        "{{ index .Input.countries 1 }} => us",
        "{{ len .Input.countries }} => 3",
        "{{ len .Input.subject }} => 9",
        "{{ if .Input.isActive }}yes{{ else }}no{{ end }} => yes",
        "{{ if eq .Input.name.first \"x\" }}x{{ else if eq .Input.name.first \"fake\" }}f{{ else }}o{{ end }} => f",
        "{{ if and .Input.isActive (gt .Input.reviews 5) }}many{{ end }} => many",
        "{{ if or .Input.missing .Input.nothing }}a{{ else }}b{{ end }} => b",
        "{{ if not .Input.missing }}absent{{ end }} => absent",
        "{{ range .Input.countries }}[{{ . }}]{{ end }} => [ca][us][mx]",
        "{{ range $i, $c := .Input.countries }}{{ $i }}={{ $c }} {{ end }} => 0=ca 1=us 2=mx ",
        "{{ range $k, $v := .Input.name }}{{ $k }}:{{ $v }};{{ end }} => first:fake;last:user;",
        "{{ range .Input.missing }}x{{ else }}empty{{ end }} => empty",
        "{{ with .Input.name }}{{ .first }}{{ end }} => fake",
        "{{ $f := .Input.name.first }}{{ $f }}-{{ $.Input.name.last }} => fake-user",
        "a  {{- .Input.reviews -}}  b => a8b",
        "{{/* comment */}}x => x",
        "{{ default \"anon\" .Input.missing }} => anon",
        "{{ .Input.missing | default \"anon\" }} => anon",
        "{{ default \"anon\" .Input.name.first }} => fake",
        "{{ quote .Input.name.first }} => \"fake\"",
        "{{ squote .Input.name.first }} => 'fake'",
        "{{ title \"hello wide world\" }} => Hello Wide World",
        "{{ lower \"ABC\" }} => abc",
        "{{ trim \"  x  \" }} => x",
        "{{ trimPrefix \"ex\" .Input.subject }} => ample-1",
        "{{ trimSuffix \"-1\" .Input.subject }} => example",
        "{{ contains \"amp\" .Input.subject }} => true",
        "{{ hasPrefix \"ex\" .Input.subject }} => true",
        "{{ hasSuffix \"x\" .Input.subject }} => false",
        "{{ b64enc \"hello world\" }} => aGVsbG8gd29ybGQ=",
        "{{ b64dec \"aGVsbG8gd29ybGQ=\" | upper }} => HELLO WORLD",
        "{{ b64dec \"aGVsbG8gd29ybGQ\" }} => illegal base64 data at input byte 12",
        "{{ b64dec \"a$==\" }} => illegal base64 data at input byte 1",
        "{{ (split \"-\" .Input.subject)._1 }} => 1",
        "{{ splitList \",\" \"a,b,c\" | join \"+\" }} => a+b+c",
        "{{ join \",\" .Input.countries }} => ca,us,mx",
        "{{ int \"42\" }} => 42",
        "{{ int \"3.0\" }} => 3",
        "{{ int \"3.14\" }} => 0",
        "{{ int .Input.rating }} => 4",
        "{{ float64 \"2.5\" }} => 2.5",
        "{{ add 1 2 3 }} => 6",
        "{{ toString .Input.reviews }} => 8",
        "{{ printf \"%d items\" 3 }} => 3 items",
        "{{ printf \"%v|%.2f|%5s|%-3d|%q\" .Input.rating .Input.rating \"ab\" 7 \"q\" }} => 4.5|4.50|   ab|7  |\"q\"",
        "{{ printf \"%d\" .Input.reviews }} => %!d(float64=8)",
        "{{ printf \"%s\" }} => %!s(MISSING)",
        "{{ -3 }} => -3",
        "{{ 0x10 }} => 16",
        "{{ 1.5 }} => 1.5",
        "{{ `raw\\n` }} => raw\\n",
        "{{ \"a\\tb\" }} => a\tb",
        "{{ regexMatch \"^ex.*1$\" .Input.subject }} => true",
        "{{ regexReplaceAll \"-(\\\\d)\" .Input.subject \"_$1\" }} => example_1",
        "{{ sha256sum \"\" }} => e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "{{ .Input.subject }} {{ \"}}\" }} => example-1 }}"
      })
  void rendersLikeGo(String template, String expected) throws Exception {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void inputMayBeAPlainString() {
    GoTemplate t = GoTemplate.parse("{{ b64dec .Input }}");
    assertThat(t.executeInputValue("My4xNA==")).isEqualTo("3.14");
    assertThat(GoTemplate.parse("{{ .Missing }}").executeInputValue("x")).isEqualTo("<no value>");
  }

  @ParameterizedTest(name = "{0} fails to parse")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '~',
      value = {
        "{{ no }}",
        "{{ .Input",
        "{{ if .Input }}x",
        "{{ end }}",
        "{{ define \"x\" }}{{ end }}",
        "{{ \"unterminated }}",
        "{{ | upper }}"
      })
  void rejectsBadTemplatesAtParseTime(String template) {
    assertThatThrownBy(() -> GoTemplate.parse(template)).isInstanceOf(TemplateException.class);
  }

  @ParameterizedTest(name = "{0} fails to execute")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '~',
      value = {
        "{{ .Input.missing.deeper }} => nil pointer evaluating interface {}.deeper",
        "{{ .Input.subject.x }} => can't evaluate field x in type string",
        "{{ upper .Input.reviews }} => expected string; got float64",
        "{{ upper .Input.missing }} => invalid value; expected string",
        "{{ index .Input.countries 5 }} => index out of range",
        "{{ eq .Input.name 1 }} => non-comparable",
        "{{ $undefined }} => undefined variable",
        "{{ div 1 0 }} => integer divide by zero",
        "{{ upper }} => wrong number of args"
      })
  void reportsExecutionErrors(String template, String message) {
    GoTemplate t = GoTemplate.parse(template);
    assertThatThrownBy(() -> t.executeInput(MAPPER.readTree(DATA)))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining(message);
  }

  @Test
  void parsedTemplateIsSharedSafelyAcrossThreads() throws Exception {
    GoTemplate t = GoTemplate.parse("{{ range .Input.items }}{{ . | upper }}{{ end }}");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String item = "v" + i;
        JsonNode input = MAPPER.readTree("{\"items\":[\"" + item + "\",\"x\"]}");
        results.add(pool.submit(() -> t.executeInput(input).equals(item.toUpperCase() + "X")));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
