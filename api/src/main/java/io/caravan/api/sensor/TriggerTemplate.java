package io.caravan.api.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import io.caravan.api.ArgoObject;

/** Name, conditions and the one trigger type of a trigger. */
public class TriggerTemplate extends ArgoObject {

  private String name;
  private String conditions;
  private JsonNode conditionsReset;
  private StandardK8sTrigger k8s;
  private HttpTrigger http;
  private LogTrigger log;
  private ArgoWorkflowTrigger argoWorkflow;
  private JsonNode awsLambda;
  private JsonNode azureEventHubs;
  private JsonNode azureServiceBus;
  private JsonNode kafka;
  private JsonNode pulsar;
  private JsonNode nats;
  private JsonNode slack;
  private JsonNode openWhisk;
  private JsonNode custom;
  private JsonNode email;

  /** Caravan extension: sync an Argo CD Application (not an Argo Events trigger type). */
  private JsonNode argoCD;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getConditions() {
    return conditions;
  }

  public void setConditions(String conditions) {
    this.conditions = conditions;
  }

  public JsonNode getConditionsReset() {
    return conditionsReset;
  }

  public void setConditionsReset(JsonNode conditionsReset) {
    this.conditionsReset = conditionsReset;
  }

  public StandardK8sTrigger getK8s() {
    return k8s;
  }

  public void setK8s(StandardK8sTrigger k8s) {
    this.k8s = k8s;
  }

  public HttpTrigger getHttp() {
    return http;
  }

  public void setHttp(HttpTrigger http) {
    this.http = http;
  }

  public LogTrigger getLog() {
    return log;
  }

  public void setLog(LogTrigger log) {
    this.log = log;
  }

  public ArgoWorkflowTrigger getArgoWorkflow() {
    return argoWorkflow;
  }

  public void setArgoWorkflow(ArgoWorkflowTrigger argoWorkflow) {
    this.argoWorkflow = argoWorkflow;
  }

  public JsonNode getAwsLambda() {
    return awsLambda;
  }

  public void setAwsLambda(JsonNode awsLambda) {
    this.awsLambda = awsLambda;
  }

  public JsonNode getAzureEventHubs() {
    return azureEventHubs;
  }

  public void setAzureEventHubs(JsonNode azureEventHubs) {
    this.azureEventHubs = azureEventHubs;
  }

  public JsonNode getAzureServiceBus() {
    return azureServiceBus;
  }

  public void setAzureServiceBus(JsonNode azureServiceBus) {
    this.azureServiceBus = azureServiceBus;
  }

  public JsonNode getKafka() {
    return kafka;
  }

  public void setKafka(JsonNode kafka) {
    this.kafka = kafka;
  }

  public JsonNode getPulsar() {
    return pulsar;
  }

  public void setPulsar(JsonNode pulsar) {
    this.pulsar = pulsar;
  }

  public JsonNode getNats() {
    return nats;
  }

  public void setNats(JsonNode nats) {
    this.nats = nats;
  }

  public JsonNode getSlack() {
    return slack;
  }

  public void setSlack(JsonNode slack) {
    this.slack = slack;
  }

  public JsonNode getOpenWhisk() {
    return openWhisk;
  }

  public void setOpenWhisk(JsonNode openWhisk) {
    this.openWhisk = openWhisk;
  }

  public JsonNode getCustom() {
    return custom;
  }

  public void setCustom(JsonNode custom) {
    this.custom = custom;
  }

  public JsonNode getEmail() {
    return email;
  }

  public void setEmail(JsonNode email) {
    this.email = email;
  }

  public JsonNode getArgoCD() {
    return argoCD;
  }

  public void setArgoCD(JsonNode argoCD) {
    this.argoCD = argoCD;
  }
}
