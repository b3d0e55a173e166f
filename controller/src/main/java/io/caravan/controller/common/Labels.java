package io.caravan.controller.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels and annotations Argo Events puts on the objects its controllers own (inventory §5).
 */
public final class Labels {

  public static final String CONTROLLER = "controller";
  public static final String OWNER_NAME = "owner-name";
  public static final String EVENTSOURCE_NAME = "eventsource-name";
  public static final String SENSOR_NAME = "sensor-name";
  public static final String EVENTBUS_NAME = "eventbus-name";

  public static final String EVENTSOURCE_CONTROLLER = "eventsource-controller";
  public static final String SENSOR_CONTROLLER = "sensor-controller";
  public static final String EVENTBUS_CONTROLLER = "eventbus-controller";

  /** Hash of an object's desired spec: the object is updated only when it changes. */
  public static final String SPEC_HASH = "resource-spec-hash";

  /** On the pod template: hash of the routes, so a routes change rolls the pods. */
  public static final String ROUTES_HASH = "caravan.io/routes-hash";

  private Labels() {}

  /** {@code controller}, {@code <kind>-name} and {@code owner-name}, as Argo sets them. */
  public static Map<String, String> of(String controller, String nameLabel, String name) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(CONTROLLER, controller);
    labels.put(nameLabel, name);
    labels.put(OWNER_NAME, name);
    return labels;
  }
}
