package io.caravan.routes.trigger.argoworkflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.kubernetes.KubernetesObjects;
import java.util.List;
import java.util.Set;

/**
 * The {@code args} of an argoWorkflow {@code submit} (extra {@code argo submit} arguments), applied
 * to the Workflow instead of passed to a CLI: {@code -p/--parameter name=value}
 * (spec.arguments.parameters), {@code -l/--labels k=v,k2=v2}, {@code --serviceaccount}, {@code
 * --entrypoint}, {@code --name}, {@code --generate-name}. Each as {@code --flag value} or {@code
 * --flag=value}. Anything else is an error.
 */
public final class ArgoSubmitArguments {
  /** The flags understood, long and short forms. */
  public static final Set<String> FLAGS =
      Set.of(
          "-p",
          "--parameter",
          "-l",
          "--labels",
          "--serviceaccount",
          "--entrypoint",
          "--name",
          "--generate-name");

  private ArgoSubmitArguments() {}

  /** Throws when {@code args} hold a flag that is not understood or a flag without its value. */
  public static void check(List<String> args, String field) {
    forEach(args, field, (flag, value) -> {});
  }

  /** Applies {@code args} to the Workflow {@code workflow} in place. */
  public static void apply(ObjectNode workflow, List<String> args, String field) {
    forEach(
        args,
        field,
        (flag, value) -> {
          ObjectNode spec =
              workflow.get("spec") instanceof ObjectNode s ? s : workflow.putObject("spec");
          switch (flag) {
            case "-p", "--parameter" -> parameter(spec, value, field);
            case "-l", "--labels" -> {
              ObjectNode labels = KubernetesObjects.labels(workflow);
              for (String pair : value.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                  throw new IllegalArgumentException(
                      field + ": label '" + pair + "' is not key=value");
                }
                labels.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
              }
            }
            case "--serviceaccount" -> spec.put("serviceAccountName", value);
            case "--entrypoint" -> spec.put("entrypoint", value);
            case "--name" -> {
              KubernetesObjects.metadata(workflow).put("name", value);
              KubernetesObjects.metadata(workflow).remove("generateName");
            }
            default -> KubernetesObjects.metadata(workflow).put("generateName", value);
          }
        });
  }

  private static void parameter(ObjectNode spec, String value, String field) {
    int eq = value.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(field + ": parameter '" + value + "' is not name=value");
    }
    String name = value.substring(0, eq);
    ObjectNode arguments =
        spec.get("arguments") instanceof ObjectNode a ? a : spec.putObject("arguments");
    ArrayNode parameters =
        arguments.get("parameters") instanceof ArrayNode p ? p : arguments.putArray("parameters");
    for (JsonNode existing : parameters) {
      if (existing instanceof ObjectNode parameter
          && name.equals(parameter.path("name").asText())) {
        parameter.put("value", value.substring(eq + 1));
        return;
      }
    }
    parameters.addObject().put("name", name).put("value", value.substring(eq + 1));
  }

  private interface FlagConsumer {
    void accept(String flag, String value);
  }

  private static void forEach(List<String> args, String field, FlagConsumer consumer) {
    if (args == null) {
      return;
    }
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i) == null ? "" : args.get(i).trim();
      int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
      String flag = eq > 0 ? arg.substring(0, eq) : arg;
      if (!FLAGS.contains(flag)) {
        throw new IllegalArgumentException(
            field
                + "["
                + i
                + "]: argo argument '"
                + arg
                + "' is not supported ("
                + String.join(", ", FLAGS.stream().sorted().toList())
                + ")");
      }
      String value;
      if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException(
            field + "[" + i + "]: argo argument '" + arg + "' needs a value");
      }
      consumer.accept(flag, value);
    }
  }
}
