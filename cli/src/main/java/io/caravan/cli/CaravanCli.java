package io.caravan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code caravan generate | validate | run}: Argo Events manifests compiled to Camel routes, and
 * run.
 */
@Command(
    name = "caravan",
    mixinStandardHelpOptions = true,
    versionProvider = CaravanCli.Version.class,
    description = "Runs Argo Events manifests (argoproj.io/v1alpha1) on Apache Camel.",
    subcommands = {
      GenerateCommand.class,
      ValidateCommand.class,
      RunCommand.class,
      ServeCommand.class
    })
public final class CaravanCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with Caravan's commands, for {@link #main} and tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new CaravanCli()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The version from the jar's manifest ({@code dev} when run from classes). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = CaravanCli.class.getPackage().getImplementationVersion();
      return new String[] {"caravan " + (version == null ? "dev" : version)};
    }
  }
}
