package io.caravan.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String set(String doc, String path, String valueJson) throws Exception {
    JsonNode root = doc == null ? null : MAPPER.readTree(doc);
    return SJson.set(root, path, MAPPER.readTree(valueJson)).toString();
  }

  @ParameterizedTest(name = "{0} + {1} = {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|name.last|\"Anderson\"|{\"name\":{\"last\":\"Anderson\"}}",
        "{\"name\":\"faker\"}|name|\"fake\"|{\"name\":\"fake\"}",
        "{\"friends\":[\"Andy\",\"Carol\"]}|friends.2|\"Sara\"|{\"friends\":[\"Andy\",\"Carol\",\"Sara\"]}",
        "{\"friends\":[\"Andy\",\"Carol\"]}|friends.-1|\"Sara\"|{\"friends\":[\"Andy\",\"Carol\",\"Sara\"]}",
        "{\"friends\":[\"Andy\"]}|friends.3|\"Sara\"|{\"friends\":[\"Andy\",null,null,\"Sara\"]}",
        "{\"friends\":[\"Andy\"]}|friends.0|\"Bob\"|{\"friends\":[\"Bob\"]}",
        "{}|email.to.-1|\"a@b\"|{\"email\":{\"to\":[\"a@b\"]}}",
        "{}|a.0.b|1|{\"a\":[{\"b\":1}]}",
        "{}|a.:0|1|{\"a\":{\"0\":1}}",
        "{\"a\":{\"0\":\"x\"}}|a.0|1|{\"a\":{\"0\":1}}",
        "{\"a\":\"scalar\"}|a.b|true|{\"a\":{\"b\":true}}",
        "{}|a\\.b|{\"x\":1}|{\"a.b\":{\"x\":1}}",
        "{\"metadata\":{\"name\":\"fake\",\"namespace\":\"ns\"}}|metadata.name|\"test\"|{\"metadata\":{\"name\":\"test\",\"namespace\":\"ns\"}}"
      })
  void setsLikeSjson(String doc, String path, String value, String expected) throws Exception {
    assertThat(set(doc, path, value)).isEqualTo(expected);
  }

  @Test
  void createsRootWhenAbsent() throws Exception {
    assertThat(set(null, "k8s.group", "\"apps\"")).isEqualTo("{\"k8s\":{\"group\":\"apps\"}}");
    assertThat(SJson.set(null, "0", TextNode.valueOf("x")).toString()).isEqualTo("[\"x\"]");
  }

  @Test
  void rejectsEmptyPathsWildcardsAndKeysOnArrays() {
    assertThatThrownBy(() -> set("{}", "", "1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> set("{}", "a.*", "1")).hasMessageContaining("wildcard");
    assertThatThrownBy(() -> set("{\"a\":[1]}", "a.b", "1")).hasMessageContaining("array");
  }
}
