package io.caravan.controller.workload;

import io.caravan.controller.common.Labels;
import java.util.Map;

/**
 * What differs between an EventSource's and a Sensor's pods: labels and object names (inventory
 * §5).
 */
public enum WorkloadKind {
  EVENTSOURCE("eventsource", Labels.EVENTSOURCE_CONTROLLER, Labels.EVENTSOURCE_NAME),
  SENSOR("sensor", Labels.SENSOR_CONTROLLER, Labels.SENSOR_NAME);

  /** Where the routes ConfigMap is mounted; {@code caravan serve} runs every *.yaml in it. */
  public static final String ROUTES_DIR = "/etc/caravan/routes";

  /** The routes document's key in the ConfigMap. */
  public static final String ROUTES_KEY = "routes.yaml";

  private final String suffix;
  private final String controller;
  private final String nameLabel;

  WorkloadKind(String suffix, String controller, String nameLabel) {
    this.suffix = suffix;
    this.controller = controller;
    this.nameLabel = nameLabel;
  }

  public Map<String, String> labels(String name) {
    return Labels.of(controller, nameLabel, name);
  }

  public String controllerName() {
    return controller;
  }

  public String deploymentName(String name) {
    return name + "-" + suffix;
  }

  public String routesConfigMapName(String name) {
    return name + "-" + suffix + "-routes";
  }

  public String serviceName(String name) {
    return name + "-" + suffix + "-svc";
  }
}
