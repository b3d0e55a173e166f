package io.caravan.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Sprig functions of {@link SprigMoreFunctions}, rendered as Argo's templates would. */
class SprigMoreFunctionsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DATA =
      "{\"user\":{\"name\":\"ada\",\"team\":\"ops\"},\"tags\":[\"a\",\"b\",\"a\"],"
          + "\"service\":\"billingService\",\"ts\":1700000000}";

  private static String render(String template) throws Exception {
    return GoTemplate.parse(template).executeInput(MAPPER.readTree(DATA));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '~',
      value = {
        "{{ get .Input.user \"name\" }} => ada",
        "{{ get .Input.user \"none\" }} => ~~",
        "{{ hasKey .Input.user \"team\" }} => true",
        "{{ keys .Input.user | join \",\" }} => name,team",
        "{{ toJson (pick .Input.user \"team\") }} => {\"team\":\"ops\"}",
        "{{ toJson (omit .Input.user \"team\") }} => {\"name\":\"ada\"}",
        "{{ first .Input.tags }}/{{ last .Input.tags }} => a/a",
        "{{ rest .Input.tags | join \"\" }}/{{ initial .Input.tags | join \"\" }} => ba/ab",
        "{{ append .Input.tags \"c\" | join \"\" }}/{{ prepend .Input.tags \"z\" | join \"\" }} => abac/zaba",
        "{{ has \"b\" .Input.tags }}/{{ has \"q\" .Input.tags }} => true/false",
        "{{ uniq .Input.tags | join \"\" }}/{{ without .Input.tags \"a\" | join \"\" }} => ab/b",
        "{{ reverse .Input.tags | join \"\" }} => aba",
        "{{ snakecase .Input.service }}/{{ kebabcase .Input.service }} => billing_service/billing-service",
        "{{ camelcase \"http_server\" }} => HttpServer",
        "{{ sha1sum \"hello\" }} => aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
        "{{ urlquery \"a b&c\" }} => a+b%26c",
        "{{ dateInZone \"2006-01-02T15:04:05Z07:00\" .Input.ts \"UTC\" }} => 2023-11-14T22:13:20Z",
        "{{ dateInZone \"Mon Jan _2 3:04PM MST 2006\" .Input.ts \"America/New_York\" }} => Tue Nov 14 5:13PM EST 2023",
        "{{ unixEpoch (now) | toString | len | toString }} => 10"
      })
  void rendersLikeSprig(String template, String expected) throws Exception {
    assertThat(render(template)).isEqualTo(expected);
  }

  @Test
  void prettyJsonIndentsWithTwoSpacesAndSortsKeys() throws Exception {
    assertThat(render("{{ toPrettyJson .Input.user }}"))
        .isEqualTo("{\n  \"name\": \"ada\",\n  \"team\": \"ops\"\n}");
  }

  @Test
  void uuidAndRandomText() throws Exception {
    assertThat(render("{{ uuidv4 }}"))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(render("{{ randAlphaNum 12 }}")).matches("[A-Za-z0-9]{12}");
  }

  @Test
  void envIsNotAvailable() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> render("{{ env \"HOME\" }}"))
        .isInstanceOf(TemplateException.class);
  }
}
