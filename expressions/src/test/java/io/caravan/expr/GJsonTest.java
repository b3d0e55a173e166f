package io.caravan.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DOC =
      "{\"header\":{\"X-Github-Event\":[\"push\"]},"
          + "\"body\":{\"list\":[\"a\",\"b\",\"c\"],\"items\":[{\"name\":\"x\"},{\"name\":\"y\"},{\"id\":1}],"
          + "\"a.b\":\"dotted\",\"n\":null,\"obj\":{\"k\":1},\"0\":\"zero\"},"
          + "\"k\":1.0,\"f\":1.50,\"i\":100,\"t\":true,\"big\":1e21}";

  private static JsonNode doc() throws Exception {
    return MAPPER.readTree(DOC);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "body.list.1 => b",
        "body.list.# => 3",
        "body.items.#.name => [\"x\",\"y\"]",
        "body.items.0.name => x",
        "body.items.#(name==\"y\").name => y",
        "body.items.#(name!=\"x\")#.name => [\"y\"]",
        "body.items.#(id>0).id => 1",
        "body.items.#(name%\"x*\").name => x",
        "body.items.#(id) => {\"id\":1}",
        "body.list.#(==\"c\") => c",
        "[body.list.0,nope,body.items.1.name] => [\"a\",\"y\"]",
        "header.X-Github-Event => [\"push\"]",
        "header.X-Github-Event.0 => push",
        "body.a\\.b => dotted",
        "body.obj => {\"k\":1}",
        "body.0 => zero",
        "body.n => ''",
        "k => 1",
        "f => 1.5",
        "i => 100",
        "t => true",
        "big => 1000000000000000000000"
      })
  void getsPathsAndRendersGjsonText(String path, String expected) throws Exception {
    assertThat(GJson.get(doc(), path)).isPresent();
    assertThat(GJson.text(GJson.get(doc(), path).get())).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is missing")
  @CsvSource({
    "missing",
    "body.list.3",
    "body.list.x",
    "body.items.0.name.deeper",
    "k.x",
    "''",
    "body.list.-1"
  })
  void missingPathsAreEmpty(String path) throws Exception {
    assertThat(GJson.get(doc(), path)).isEmpty();
  }

  @Test
  void nullExistsAsJsonNull() throws Exception {
    assertThat(GJson.get(doc(), "body.n")).hasValueSatisfying(n -> assertThat(n.isNull()).isTrue());
  }

  @ParameterizedTest(name = "{0} is rejected")
  @CsvSource(
      delimiterString = " => ",
      value = {"body.*", "body.li?t", "{k,i}", "@reverse", "body|list", "!true"})
  void unsupportedSyntaxIsAnErrorNotAMiss(String path) {
    assertThatThrownBy(() -> GJson.get(doc(), path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not support");
  }

  @Test
  void floatAndBoolConversionsFollowGjson() throws Exception {
    JsonNode n =
        MAPPER.readTree(
            "{\"s\":\"2.5\",\"bad\":\"abc\",\"o\":{\"a\":1},\"t\":true,"
                + "\"T\":\"TRUE\",\"yes\":\"yes\",\"one\":1,\"zero\":0}");
    assertThat(GJson.toFloat(n.get("s"))).isEqualTo(2.5);
    assertThat(GJson.toFloat(n.get("bad"))).isZero();
    assertThat(GJson.toFloat(n.get("o"))).isZero();
    assertThat(GJson.toFloat(n.get("t"))).isEqualTo(1);
    assertThat(GJson.toBool(n.get("T"))).isTrue();
    assertThat(GJson.toBool(n.get("yes"))).isFalse();
    assertThat(GJson.toBool(n.get("one"))).isTrue();
    assertThat(GJson.toBool(n.get("zero"))).isFalse();
  }
}
