package io.caravan.generator.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.caravan.api.common.SecretKeySelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesYamlTest {

  private static final ObjectMapper READER = new ObjectMapper(new YAMLFactory());

  @Test
  void stringsThatLookLikeOtherTypesAreQuotedAndReadBackAsStrings() throws Exception {
    List<String> tricky =
        List.of(
            "12000",
            "1.5",
            "1e3",
            "0x1F",
            "0o17",
            "017",
            "true",
            "yes",
            "off",
            "null",
            "~",
            "2026-01-01",
            ".inf",
            "-",
            "",
            "<<",
            "=",
            "{{ .Input }}",
            "{{inputs.parameters.message}}",
            "a: b",
            "a #b",
            "*alias",
            "@x",
            "`x",
            "%x",
            "!tag",
            "- item",
            "[1]",
            "x\ny",
            "trailing space \nnext",
            " leading",
            "trailing ",
            "a:",
            "? x",
            ": x",
            "-x",
            "x,y",
            "{a}",
            "tab\tx",
            "#x",
            "'q'",
            "\"dq\"",
            "a, b [c] {d}");
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < tricky.size(); i++) {
      map.put("k" + i, tricky.get(i));
    }
    JsonNode back = READER.readTree(RoutesYaml.block(map));
    for (int i = 0; i < tricky.size(); i++) {
      JsonNode value = back.get("k" + i);
      assertThat(value.isTextual()).as("k%s (%s) stays a string", i, tricky.get(i)).isTrue();
      assertThat(value.textValue()).isEqualTo(tricky.get(i));
    }
  }

  @Test
  void quotesOnlyWhereNeeded() {
    String yaml =
        RoutesYaml.block(
            Ordered.map(
                "port",
                "12000",
                "endpoint",
                "/example",
                "interval",
                "1m30s",
                "timeout",
                60,
                "url",
                "http://x:8080/a"));
    assertThat(yaml)
        .isEqualTo(
            """
        port: "12000"
        endpoint: /example
        interval: 1m30s
        timeout: 60
        url: http://x:8080/a
        """);
  }

  @Test
  void multiLineStringsAreLiteralBlocksAndLongLinesAreNotFolded() {
    String longText = "word ".repeat(40).trim();
    String yaml = RoutesYaml.block(Ordered.map("filters", "data:\n  - path: a\n", "d", longText));
    assertThat(yaml).isEqualTo("filters: |\n  data:\n    - path: a\nd: " + longText + "\n");
  }

  @Test
  void documentStartsWithTheHeaderAndIndentsItemsUnderDashes() {
    String yaml =
        RoutesYaml.document(
            List.of("Kind ns/name", "second"),
            List.of(
                Ordered.map(
                    "route",
                    Ordered.map(
                        "id",
                        "r",
                        "steps",
                        List.of(Ordered.map("to", "direct:x")),
                        "text",
                        "a\n\nb\n"))));
    assertThat(yaml)
        .isEqualTo(
            """
        # Kind ns/name
        # second
        - route:
            id: r
            steps:
              - to: direct:x
            text: |
              a

              b
        """);
  }

  @Test
  void nullsAreLeftOutAndJsonIsCompact() {
    SecretKeySelector selector = new SecretKeySelector();
    selector.setName("creds");
    selector.setKey("token");
    assertThat(RoutesYaml.block(selector)).isEqualTo("name: creds\nkey: token\n");
    assertThat(Ordered.map("a", null, "b", 1)).containsOnlyKeys("b");
    assertThat(RoutesYaml.compactJson(Ordered.map("team", "x", "tier", "1")))
        .isEqualTo("{\"team\":\"x\",\"tier\":\"1\"}");
  }
}
