package io.caravan.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the CLI in-process, capturing what it prints. */
final class CliTestSupport {
  static final Path MANIFESTS = Path.of("src/test/resources/manifests");

  record Result(int exitCode, String out, String err) {}

  private CliTestSupport() {}

  static Result run(String... args) {
    return run(CaravanCli.commandLine(), args);
  }

  static Result run(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  static String manifest(String relative) {
    return MANIFESTS.resolve(relative).toString();
  }
}
