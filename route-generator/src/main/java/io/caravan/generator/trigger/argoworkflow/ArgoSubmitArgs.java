package io.caravan.generator.trigger.argoworkflow;

import java.util.List;
import java.util.Set;

/**
 * The {@code argo submit} arguments Caravan applies to the Workflow itself (the runtime's
 * ArgoSubmitArguments): {@code -p/--parameter}, {@code -l/--labels}, {@code --serviceaccount},
 * {@code --entrypoint}, {@code --name}, {@code --generate-name}, as {@code --flag value} or {@code
 * --flag=value}; only with operation {@code submit}.
 */
public final class ArgoSubmitArgs {
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

  private ArgoSubmitArgs() {}

  /**
   * The first argument that is not understood (a flag or a flag without value), or null when all
   * are.
   */
  public static String firstProblem(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i) == null ? "" : args.get(i).trim();
      int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
      String flag = eq > 0 ? arg.substring(0, eq) : arg;
      if (!FLAGS.contains(flag)) {
        return "'" + arg + "'";
      }
      if (eq <= 0 && ++i >= args.size()) {
        return "'" + arg + "' without a value";
      }
    }
    return null;
  }
}
