package io.caravan.generator.trigger;

import io.caravan.api.sensor.LogTrigger;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.yaml.Ordered;
import java.util.Map;

/** {@code template.log} → {@code kamelet:log-sink}, which logs the fired events. */
public final class LogTriggerTranslator implements TriggerTranslator {

  @Override
  public String type() {
    return "log";
  }

  @Override
  public Map<String, Object> sink(TriggerInput input, Diagnostics diagnostics) {
    LogTrigger log = input.trigger().getTemplate().getLog();
    Long interval = log.getIntervalSeconds();
    if (interval != null && interval < 0) {
      diagnostics.error(input.typePath("log", "intervalSeconds"),
          "intervalSeconds must not be negative");
      return null;
    }
    return Ordered.map(
        "uri", "kamelet:log-sink",
        "parameters", Ordered.map(
            "sensorName", input.sensorName(),
            "triggerName", input.triggerName(),
            "intervalSeconds", interval));
  }
}
