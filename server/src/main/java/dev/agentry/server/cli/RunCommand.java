package dev.agentry.server.cli;

import dev.agentry.server.config.DataFolder;
import dev.agentry.engine.Builtins;
import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.run.Engine;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.run.RunRequest;
import dev.agentry.engine.run.Target;
import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.engine.store.Databases;
import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.tool.Extensions;
import dev.agentry.server.config.PluginFolder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code agentry run [--specs DIR] [--db URL] ID MESSAGE}: runs one agent, team or workflow once and streams its
 * answer and tool calls to the terminal, a team's members' work and a workflow's steps included (see
 * {@link TerminalPrinter}), or its events as JSON lines with {@code --json}. A paused run asks its questions on the
 * terminal ({@link TerminalQuestions}) and continues. Exit code 0 when the run
 * completes, 1 otherwise, 2 on a usage error.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run an agent, a team or a workflow once and stream its answer, tool calls, members' work and steps "
        + "included.")
final class RunCommand implements Callable<Integer> {
  /** How long a run waits for its knowledge to be indexed before it starts. */
  private static final Duration KNOWLEDGE_WAIT = Duration.ofMinutes(2);

  @Parameters(index = "0", paramLabel = "ID", description = "The agent's, team's or workflow's id (its metadata.name)")
  String id;

  @Parameters(index = "1", paramLabel = "MESSAGE", description = "The message to send")
  String message;

  @CommandLine.Mixin SpecSetOptions specSet;

  @Option(names = "--session", paramLabel = "ID", description = "Session id (default: a new session)")
  String sessionId;

  @Option(names = "--user", paramLabel = "ID", description = "User id")
  String userId;

  @Option(names = "--json", description = "Print every event as one line of JSON, as the HTTP API streams them")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(specSet.specs) && !Files.isRegularFile(specSet.specs)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "No such file or folder: " + specSet.specs);
    }
    Extensions extensions = PluginFolder.load(specSet.plugins);
    SpecCompiler.Result compiled = SpecCompiler.create(extensions).compile(specSet.specs);
    if (!compiled.ok()) {
      compiled.diagnostics().forEach(d -> err.println(d.render(ValidateCommand.display(d.file()))));
      err.println("error: the specs in " + specSet.specs + " are invalid; fix them first (agentry validate "
          + specSet.specs + ")");
      err.flush();
      return 1;
    }
    Path root = Files.isDirectory(specSet.specs) ? specSet.specs : specSet.specs.toAbsolutePath().getParent();
    Catalog catalog = compiled.orThrow();
    Databases databases;
    try {
      databases = Databases.open(catalog, specSet.dbUrl, Builtins::openStore);
    } catch (StoreException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    try (databases; Engine engine = Engine.create(catalog,
        c -> c.baseDir(root).databases(databases).extensions(extensions)
            .dataDir(DataFolder.choose(catalog, specSet.dbUrl)))) {
      return run(engine, out, err);
    }
  }

  /**
   * A one-off run starts with its knowledge indexed: the server answers while the spec's sources are indexed, but a
   * run from the command line would otherwise search a half-built index.
   */
  private static void awaitKnowledge(Engine engine, PrintWriter err) {
    for (KnowledgeBase knowledge : engine.knowledgeBases()) {
      try {
        if (knowledge.awaitIdle(Duration.ofMillis(200))) {
          continue;
        }
        err.println("Indexing knowledge '" + knowledge.def().id() + "'...");
        err.flush();
        if (!knowledge.awaitIdle(KNOWLEDGE_WAIT)) {
          err.println("Knowledge '" + knowledge.def().id() + "' is still indexing after "
              + KNOWLEDGE_WAIT.toSeconds() + " s; the run searches what is indexed so far.");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private int run(Engine engine, PrintWriter out, PrintWriter err) {
    Catalog catalog = engine.catalog();
    Target target = catalog.findAgent(id).map(a -> Target.agent(id))
        .or(() -> catalog.findTeam(id).map(t -> Target.team(id)))
        .or(() -> catalog.findWorkflow(id).map(w -> Target.workflow(id)))
        .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "No agent, team or workflow '" + id
            + "' in " + specSet.specs + "; agents: " + String.join(", ", catalog.agents().keySet()) + "; teams: "
            + String.join(", ", catalog.teams().keySet()) + "; workflows: "
            + String.join(", ", catalog.listWorkflows().stream().map(w -> w.id()).toList())));
    // a workflow's steps are its members: their agents' and teams' work is what it shows
    boolean showMembers = catalog.findTeam(id).map(t -> t.team().showMembersResponses())
        .orElse(catalog.findWorkflow(id).isPresent());
    TerminalPrinter printer = new TerminalPrinter(out, json, showMembers);
    awaitKnowledge(engine, err);
    TerminalQuestions questions = new TerminalQuestions(
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
    try {
      RunOutput output = engine.run(target, RunRequest.create(r -> r.input(message).sessionId(sessionId)
          .userId(userId).streamEvents(true)), printer);
      while (output.status() == RunStatus.PAUSED) {
        try {
          output = output.kind() == ComponentKind.WORKFLOW
              ? engine.continueWorkflow(output.runId(), questions.steps(output.stepRequirements()), Boolean.TRUE, printer).await()
              : engine.continueRun(output.runId(), questions.toolCalls(output.requirements()), printer).await();
        } catch (TerminalQuestions.NoAnswer e) {
          err.println("error: the run is paused and no answer was given (run " + output.runId() + ")");
          err.flush();
          return 1;
        }
      }
      printer.finish(output);
      if (output.status() != RunStatus.COMPLETED && !json) {
        err.println("error: run " + output.status().name().toLowerCase() + ": " + output.contentText());
      }
      err.flush();
      return output.status() == RunStatus.COMPLETED ? 0 : 1;
    } catch (StoreException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
