package io.caravan.generator.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UriParametersTest {

  @Test
  void wrapsOnlyValuesThatWouldBreakTheEndpointUri() {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("port", "12000");
    parameters.put("metadata", "{\"team\":\"a & b\"}");
    parameters.put("plus", "1+1");
    parameters.put("percent", "100%");
    parameters.put("size", 1048576L);

    assertThat(UriParameters.of(parameters))
        .containsExactly(
            Map.entry("port", "12000"),
            Map.entry("metadata", "RAW({\"team\":\"a & b\"})"),
            Map.entry("plus", "RAW(1+1)"),
            Map.entry("percent", "RAW(100%)"),
            Map.entry("size", 1048576L));
  }
}
