package dev.agentry.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code agentry} command: the entry point of the jar, dispatching to its subcommands. */
@Command(
    name = "agentry",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Declarative AI agents, teams and workflows from YAML.",
    subcommands = {ServeCommand.class, ValidateCommand.class, RunCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (0 ok, 1 failure, 2 usage error), for tests. */
  public static int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: try 'agentry validate specs/'");
  }

  /** Reads the version from the jar manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"agentry " + (version == null ? "development build" : version)};
    }
  }
}
