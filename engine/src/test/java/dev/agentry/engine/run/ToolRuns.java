package dev.agentry.engine.run;

import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.RunScope;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolContext;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** A stored, RUNNING agent run whose one tool is written in the test; its model answers "ok" to every turn. */
final class ToolRuns {
  private ToolRuns() {}

  static ActiveRun run(Path dir, Tool tool, ToolFlags flags, SessionStore store, EventSink sink) {
    Engine engine = Engine.create(Specs.compile(dir, Specs.agent("", "fallback: ok")), c -> c.store(store));
    ParticipantRuntime prepared = ParticipantRuntime.prepare(engine.catalog().getAgent("agent").participant(), null,
        engine.catalog(), def -> {
          throw new AssertionError("the agent lists no toolkit");
        }, new EngineConfig.Builder().store(store).build(), null);
    ParticipantRuntime agent = new ParticipantRuntime(prepared.participant(), null, null, prepared.catalogVersion(),
        prepared.model(), SecondModels.NONE,
        Map.of(tool.definition().name(), new BoundTool(tool, flags)),
        List.of(tool.definition()), List.of(), null, null, null, List.of(), null, null, Hooks.NONE, null,
        id -> java.util.Optional.empty());
    ActiveRun run = new ActiveRun(agent, RunScope.of("agent", "agent", "run-1", "session-1"),
        new ActiveRun.RunSettings("go", null, new LinkedHashMap<>(), Map.of(), Map.of(), null, null, false,
            true, 0, List.of(), store), Cancellation.create(), sink, Clock.systemUTC());
    run.persistWith(store::saveRun, output -> false);
    store.saveRun(run.toOutput(RunStatus.RUNNING, null, "str"));
    run.stored = true;
    return run;
  }

  /** A tool with no parameters that runs {@code body}. */
  static Tool tool(String name, Supplier<ToolResult> body) {
    ToolDefinition definition = new ToolDefinition(name, "A test tool.",
        Json.MAPPER.readTree("{\"type\": \"object\"}"));
    return new Tool() {
      @Override
      public ToolDefinition definition() {
        return definition;
      }

      @Override
      public ToolResult invoke(JsonNode arguments, ToolContext context) {
        return body.get();
      }
    };
  }
}
