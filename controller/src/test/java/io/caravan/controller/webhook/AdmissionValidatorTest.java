package io.caravan.controller.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The admission decision itself (no HTTP): a Sensor needs an existing EventBus, as in Argo. */
class AdmissionValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SENSOR =
      """
      {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"1","operation":"CREATE",
       "namespace":"team-a","object":{"apiVersion":"argoproj.io/v1alpha1","kind":"Sensor",
       "metadata":{"name":"s","namespace":"team-a"},"spec":{%s
       "dependencies":[{"name":"d","eventSourceName":"es","eventName":"e"}],
       "triggers":[{"template":{"name":"t","log":{}}}]}}}}
      """;

  private static JsonNode review(AdmissionValidator validator, String busField) throws Exception {
    return JSON.readTree(validator.review(SENSOR.formatted(busField))).path("response");
  }

  @Test
  void sensorNamingAMissingEventBusIsDenied() throws Exception {
    Set<String> buses = Set.of("team-a/default", "team-a/fast");
    AdmissionValidator validator =
        new AdmissionValidator((ns, name) -> buses.contains(ns + "/" + name));
    assertThat(review(validator, "").path("allowed").asBoolean()).isTrue();
    assertThat(review(validator, "\"eventBusName\":\"fast\",").path("allowed").asBoolean())
        .isTrue();
    JsonNode denied = review(validator, "\"eventBusName\":\"missing\",");
    assertThat(denied.path("allowed").asBoolean()).isFalse();
    assertThat(denied.path("status").path("message").asText())
        .isEqualTo("spec.eventBusName: EventBus 'missing' not found in namespace team-a");
    assertThat(validator.allowed()).isEqualTo(2);
    assertThat(validator.denied()).isEqualTo(1);
  }

  @Test
  void withoutALookupBusesAreNotChecked() throws Exception {
    assertThat(
            review(new AdmissionValidator(), "\"eventBusName\":\"missing\",")
                .path("allowed")
                .asBoolean())
        .isTrue();
  }
}
