package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The debug log of runs: {@code debug_mode} and {@code debug_level} of agents, {@code debug_mode} of workflows. */
class DebugLogTest {
  @TempDir Path dir;
  private final Logger logger = (Logger) LoggerFactory.getLogger(DebugLog.LOGGER);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private Level before;

  @BeforeEach
  void capture() {
    before = logger.getLevel();
    logger.setLevel(Level.INFO);
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
    logger.setLevel(before);
  }

  private List<String> lines() {
    return appender.list.stream().filter(e -> e.getLevel() == Level.INFO).map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private static final String SCRIPT = """
      turns:
        - tool_calls: [{name: add, arguments: {a: 20, b: 22}}]
        - content: It is 42.
      """;

  private RunOutput run(String agentSpec) {
    return Engine.create(Specs.compile(dir, Specs.agent("""
        instructions: [Add numbers.]
        tools: [{builtin: calculator}]
        """ + agentSpec, SCRIPT))).run("agent", RunRequest.of("What is 20 + 22?"));
  }

  @Test
  void debug_mode_logs_the_messages_tool_calls_and_metrics_of_the_run() {
    RunOutput out = run("debug_mode: true");

    String id = out.runId();
    assertThat(lines()).contains(
        "agent 'agent' run " + id + " started (session " + out.sessionId() + ", user null)",
        "run " + id + " system message:\n<instructions>\nAdd numbers.\n</instructions>",
        "run " + id + " user message:\nWhat is 20 + 22?",
        "run " + id + " assistant message:\nIt is 42.");
    assertThat(lines()).anyMatch(l -> l.startsWith("run " + id + " tool call ") && l.endsWith(": add({\"a\":20,\"b\":22})"));
    assertThat(lines()).anyMatch(l -> l.startsWith("run " + id + " tool add(a=20, b=22) completed in "));
    assertThat(lines()).anyMatch(l -> l.startsWith("run " + id + " model metrics: input_tokens="));
    assertThat(lines()).anyMatch(l -> l.startsWith("agent 'agent' run " + id + " ended COMPLETED: input_tokens="));
    assertThat(lines()).as("level 1 leaves out the detail").noneMatch(l -> l.contains("tool result")
        || l.contains("model request"));
  }

  @Test
  void debug_level_2_adds_the_requests_and_tool_results() {
    RunOutput out = run("""
        debug_mode: true
        debug_level: 2
        """);

    String id = out.runId();
    assertThat(lines()).anyMatch(l -> l.equals("run " + id + " model request 1 to script: 2 messages, 8 tools"));
    assertThat(lines()).anyMatch(l -> l.startsWith("run " + id + " tool result of ")
        && l.endsWith("{\"operation\": \"addition\", \"result\": 42}"));
  }

  @Test
  void without_debug_mode_nothing_is_logged() {
    run("");

    assertThat(appender.list).isEmpty();
  }

  @Test
  void a_workflow_with_debug_mode_logs_its_events() {
    Engine engine = Engine.create(Workflows.compile(dir, """
        debug_mode: true
        steps:
          - {name: only, agent: echo}
        """));

    RunOutput out = engine.run(Target.workflow("wf"), RunRequest.of("x"), e -> { });

    String prefix = "workflow 'wf' run " + out.runId() + " ";
    assertThat(lines()).anyMatch(l -> l.startsWith(prefix + "WorkflowStarted: {"));
    assertThat(lines()).anyMatch(l -> l.startsWith(prefix + "StepCompleted: {") && l.contains("[x]"));
    assertThat(lines()).anyMatch(l -> l.startsWith(prefix + "WorkflowCompleted: {"));
  }
}
