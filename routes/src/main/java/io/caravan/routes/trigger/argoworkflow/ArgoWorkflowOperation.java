package io.caravan.routes.trigger.argoworkflow;

import java.util.Arrays;
import java.util.List;

/** The operations of Argo's argoWorkflow trigger, by their manifest name. */
public enum ArgoWorkflowOperation {
  SUBMIT("submit"),
  SUBMIT_FROM("submit-from"),
  RESUBMIT("resubmit"),
  RETRY("retry"),
  RESUME("resume"),
  SUSPEND("suspend"),
  TERMINATE("terminate"),
  STOP("stop");

  public static final List<String> NAMES =
      Arrays.stream(values()).map(ArgoWorkflowOperation::manifestName).toList();

  private final String manifestName;

  ArgoWorkflowOperation(String manifestName) {
    this.manifestName = manifestName;
  }

  public String manifestName() {
    return manifestName;
  }

  /**
   * The operation named {@code name} as in a manifest; {@code submit} when blank (Argo's runtime
   * default).
   */
  public static ArgoWorkflowOperation of(String name) {
    if (name == null || name.isBlank()) {
      return SUBMIT;
    }
    return Arrays.stream(values())
        .filter(o -> o.manifestName.equals(name.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "argoWorkflow operation '"
                        + name
                        + "' is not one of "
                        + String.join(", ", NAMES)));
  }
}
