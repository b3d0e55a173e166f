package io.caravan.api.eventbus;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;

/** Spec of an EventBus: exactly one of the bus variants. */
public class EventBusSpec extends ArgoObject {

  private JsonNode nats;
  private JsonNode jetstream;
  private JsonNode jetstreamExotic;
  private JsonNode kafka;

  public JsonNode getNats() {
    return nats;
  }

  public void setNats(JsonNode nats) {
    this.nats = nats;
  }

  public JsonNode getJetstream() {
    return jetstream;
  }

  public void setJetstream(JsonNode jetstream) {
    this.jetstream = jetstream;
  }

  public JsonNode getJetstreamExotic() {
    return jetstreamExotic;
  }

  public void setJetstreamExotic(JsonNode jetstreamExotic) {
    this.jetstreamExotic = jetstreamExotic;
  }

  public JsonNode getKafka() {
    return kafka;
  }

  public void setKafka(JsonNode kafka) {
    this.kafka = kafka;
  }
}
