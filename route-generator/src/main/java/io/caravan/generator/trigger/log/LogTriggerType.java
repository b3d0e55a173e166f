package io.caravan.generator.trigger.log;

import io.caravan.api.sensor.LogTrigger;
import io.caravan.api.sensor.TriggerTemplate;
import io.caravan.generator.Diagnostic;
import io.caravan.generator.Diagnostics;
import io.caravan.generator.trigger.TriggerInput;
import io.caravan.generator.trigger.TriggerType;
import io.caravan.generator.yaml.Ordered;
import java.util.List;
import java.util.Map;

/** {@code template.log} → {@code kamelet:log-sink}, which logs the fired events. */
public final class LogTriggerType implements TriggerType {

  @Override
  public String key() {
    return "log";
  }

  @Override
  public void check(String path, TriggerTemplate template, List<Diagnostic> out) {
    Long interval = template.getLog().getIntervalSeconds();
    if (interval != null && interval < 0) {
      out.add(
          Diagnostic.error(path + ".log.intervalSeconds", "intervalSeconds must not be negative"));
    }
  }

  @Override
  public Map<String, Object> sink(TriggerInput input, Diagnostics diagnostics) {
    LogTrigger log = input.trigger().getTemplate().getLog();
    Long interval = log.getIntervalSeconds();
    if (interval != null && interval < 0) {
      diagnostics.error(
          input.typePath("log", "intervalSeconds"), "intervalSeconds must not be negative");
      return null;
    }
    return Ordered.map(
        "uri",
        "kamelet:log-sink",
        "parameters",
        Ordered.map(
            "sensorName", input.sensorName(),
            "triggerName", input.triggerName(),
            "intervalSeconds", interval));
  }
}
