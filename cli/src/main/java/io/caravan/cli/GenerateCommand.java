package io.caravan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code caravan generate FILE|DIR…}: prints the Camel YAML routes each EventSource and Sensor
 * becomes.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the Camel YAML DSL routes generated from each EventSource and Sensor (documents separated by ---).",
      "Problems go to stderr as FILE: Kind/name: field.path: message; exit 1 when there are errors."
    })
final class GenerateCommand implements Callable<Integer> {
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
    boolean first = true;
    for (ManifestSet.Compiled compiled : set.compiled()) {
      if (compiled.yaml().isEmpty()) {
        continue;
      }
      if (!first) {
        out.println("---");
      }
      out.print(compiled.yaml().endsWith("\n") ? compiled.yaml() : compiled.yaml() + "\n");
      first = false;
    }
    for (Problem problem : set.problems()) {
      err.println(problem.format());
    }
    out.flush();
    err.flush();
    return set.hasErrors() ? 1 : 0;
  }
}
