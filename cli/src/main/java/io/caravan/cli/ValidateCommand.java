package io.caravan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code caravan validate FILE|DIR…}: exit 0 when every Argo manifest can run as written, else 1.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks EventSource, Sensor and EventBus manifests without running them.",
      "Prints one line per problem: FILE: Kind/name: field.path: message (warnings go to stderr).",
      "Other kinds (Secret, ConfigMap, Workflow…) are ignored."
    })
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR",
      description = "Manifest files or directories.")
  List<Path> inputs;

  @Override
  public Integer call() {
    ManifestSet set = ManifestSet.read(inputs);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Problem problem : set.problems()) {
      (problem.error() ? out : err).println(problem.format());
    }
    out.flush();
    err.flush();
    return set.hasErrors() ? 1 : 0;
  }
}
