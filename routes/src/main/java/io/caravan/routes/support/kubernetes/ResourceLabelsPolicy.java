package io.caravan.routes.support.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.expr.GoDuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argo's {@code policy.k8s} (inventory §4.8): after the trigger ran, read the object again with a
 * backoff until it carries every one of {@code labels}. When the attempts run out the trigger fails
 * only with {@code errorOnBackoffTimeout: true}; otherwise it counts as a success.
 *
 * <p>Backoff as Argo's: {@code steps} attempts (default 5), first wait {@code duration} (default
 * 1s; a Go duration, or nanoseconds as a number), multiplied by {@code factor} (default 1) after
 * each attempt, plus a random part up to {@code jitter} × the wait (default 0 here).
 */
public final class ResourceLabelsPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceLabelsPolicy.class);

  private final Map<String, String> labels;
  private final int steps;
  private final Duration duration;
  private final double factor;
  private final double jitter;
  private final boolean errorOnTimeout;

  public ResourceLabelsPolicy(
      Map<String, String> labels,
      Integer steps,
      String duration,
      Double factor,
      Double jitter,
      boolean errorOnTimeout) {
    this.labels = Map.copyOf(labels);
    this.steps = steps == null || steps <= 0 ? 5 : steps;
    this.duration =
        duration == null || duration.isBlank() ? Duration.ofSeconds(1) : parseDuration(duration);
    this.factor = factor == null || factor <= 0 ? 1.0 : factor;
    this.jitter = jitter == null || jitter < 0 ? 0.0 : jitter;
    this.errorOnTimeout = errorOnTimeout;
  }

  /** Labels written {@code key=value,key2=value2} (Kubernetes label values hold no commas). */
  public static Map<String, String> parseLabels(String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return labels;
    }
    for (String pair : text.split(",")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("policy label '" + pair + "' is not key=value");
      }
      labels.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return labels;
  }

  public boolean isEmpty() {
    return labels.isEmpty();
  }

  /**
   * Waits until {@code read} returns an object with the labels. {@code what} names the object in
   * messages.
   *
   * @throws IllegalStateException when the labels never matched and {@code errorOnBackoffTimeout}
   *     is set
   */
  public void await(Supplier<ObjectNode> read, String what) throws InterruptedException {
    if (labels.isEmpty()) {
      return;
    }
    Duration wait = duration;
    for (int attempt = 1; attempt <= steps; attempt++) {
      ObjectNode current = read.get();
      if (current != null && hasLabels(current)) {
        LOG.info("{} has the policy labels {}", what, labels);
        return;
      }
      if (attempt < steps) {
        long millis = wait.toMillis();
        if (jitter > 0) {
          millis += (long) (ThreadLocalRandom.current().nextDouble() * jitter * millis);
        }
        Thread.sleep(millis);
        wait = Duration.ofNanos((long) (wait.toNanos() * factor));
      }
    }
    if (errorOnTimeout) {
      throw new IllegalStateException(
          "policy.k8s: "
              + what
              + " did not get the labels "
              + labels
              + " within "
              + steps
              + " attempts");
    }
    LOG.info(
        "{} did not get the policy labels {} within {} attempts; counted as success "
            + "(errorOnBackoffTimeout is false)",
        what,
        labels,
        steps);
  }

  private boolean hasLabels(ObjectNode object) {
    JsonNode current = object.path("metadata").path("labels");
    return labels.entrySet().stream()
        .allMatch(
            l ->
                current.path(l.getKey()).isTextual()
                    && current.path(l.getKey()).asText().equals(l.getValue()));
  }

  private static Duration parseDuration(String text) {
    String s = text.trim();
    if (s.chars().allMatch(Character::isDigit)) {
      return Duration.ofNanos(Long.parseLong(s));
    }
    return GoDuration.parse(s);
  }
}
