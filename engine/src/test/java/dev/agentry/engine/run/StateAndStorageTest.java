package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.memory.MemorySessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an agent's runs do with the session state and what they store: {@code enable_agentic_state},
 * {@code overwrite_db_session_state}, {@code store_tool_messages}, {@code store_history_messages},
 * {@code events_to_skip}.
 */
class StateAndStorageTest {
  @TempDir Path dir;
  private final SessionStore store = MemorySessionStore.create();

  private Engine engine(String agentSpec, String script) {
    return Engine.create(Specs.compile(dir, Specs.agent(agentSpec, script)), c -> c.store(store).baseDir(dir));
  }

  @Test
  void the_model_updates_the_session_state_with_update_session_state() {
    Engine engine = engine("enable_agentic_state: true", """
        turns:
          - tool_calls:
              - {name: update_session_state, arguments: {session_state_updates: {shopping_list: [milk, eggs]}}}
          - content: "Saved: {tool_result}"
        """);

    RunOutput out = engine.run("agent", RunRequest.create(r -> r.input("remember milk and eggs").sessionId("s")
        .sessionState(Map.of("owner", "Ada"))));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.tools()).singleElement().satisfies(t -> {
      assertThat(t.toolName()).isEqualTo("update_session_state");
      assertThat(t.result()).isEqualTo("Updated session state: {\"owner\":\"Ada\",\"shopping_list\":[\"milk\",\"eggs\"]}");
    });
    assertThat(out.sessionState()).containsEntry("shopping_list", List.of("milk", "eggs"))
        .containsEntry("owner", "Ada");
    assertThat(store.findSession("s").orElseThrow().sessionState())
        .containsEntry("shopping_list", List.of("milk", "eggs"));
  }

  @Test
  void update_session_state_is_offered_only_when_enabled() {
    Engine engine = engine("", """
        turns:
          - tool_calls: [{name: update_session_state, arguments: {session_state_updates: {a: 1}}}]
          - content: done
        """);

    RunOutput out = engine.run("agent", RunRequest.of("hi"));

    assertThat(out.tools()).singleElement().satisfies(t -> assertThat(t.toolCallError()).isTrue());
    assertThat(out.sessionState()).doesNotContainKey("a");
  }

  @Test
  void parallel_state_updates_of_one_turn_all_land() throws IOException {
    Files.createDirectories(dir.resolve("notes"));
    StringBuilder calls = new StringBuilder("turns:\n  - tool_calls:\n      - {name: list_files, arguments: {}}\n");
    for (int i = 0; i < 12; i++) {
      calls.append("      - {name: update_session_state, arguments: {session_state_updates: {k").append(i)
          .append(": ").append(i).append("}}}\n");
    }
    calls.append("  - content: done\n");
    Engine engine = engine("""
        enable_agentic_state: true
        tools: [{builtin: file, options: {root: notes}}]
        """, calls.toString());

    RunOutput out = engine.run("agent", RunRequest.create(r -> r.input("hi").sessionId("s")));

    Map<String, Object> expected = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) {
      expected.put("k" + i, i);
    }
    assertThat(out.sessionState()).containsAllEntriesOf(expected);
    assertThat(store.findSession("s").orElseThrow().sessionState()).containsAllEntriesOf(expected);
  }

  @Test
  void overwrite_db_session_state_replaces_the_stored_state_with_the_runs() {
    Engine merging = engine("session_state: {default: d}", "fallback: ok");
    merging.run("agent", RunRequest.create(r -> r.input("hi").sessionId("s").sessionState(Map.of("a", 1, "b", 2))));
    Engine overwriting = engine("""
        session_state: {default: d}
        overwrite_db_session_state: true
        """, "fallback: ok");

    RunOutput out = overwriting.run("agent", RunRequest.create(r -> r.input("hi").sessionId("s")
        .sessionState(Map.of("b", 3))));

    assertThat(out.sessionState()).as("the run starts without the stored state").isEqualTo(Map.of("default", "d",
        "b", 3));
    assertThat(store.findSession("s").orElseThrow().sessionState()).isEqualTo(Map.of("default", "d", "b", 3));
  }

  @Test
  void without_overwrite_the_request_state_is_merged_into_the_stored_one() {
    Engine engine = engine("", "fallback: ok");
    engine.run("agent", RunRequest.create(r -> r.input("hi").sessionId("s").sessionState(Map.of("a", 1, "b", 2))));

    engine.run("agent", RunRequest.create(r -> r.input("hi").sessionId("s").sessionState(Map.of("b", 3))));

    assertThat(store.findSession("s").orElseThrow().sessionState()).isEqualTo(Map.of("a", 1, "b", 3));
  }

  private static final String ADD_THEN_ANSWER = """
      turns:
        - tool_calls: [{name: add, arguments: {a: 20, b: 22}}]
        - content: It is 42.
      """;

  @Test
  void store_tool_messages_false_leaves_the_calls_and_results_out_of_the_stored_messages() {
    Engine engine = engine("""
        tools: [{builtin: calculator}]
        store_tool_messages: false
        """, ADD_THEN_ANSWER);

    RunOutput out = engine.run("agent", RunRequest.create(r -> r.input("add").sessionId("s")));
    RunOutput stored = store.findRun(out.runId()).orElseThrow();

    assertThat(out.messages()).extracting(m -> m.message().role()).as("the model saw the call and its result")
        .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
    assertThat(stored.messages()).extracting(m -> m.message().role()).containsExactly(Role.USER, Role.ASSISTANT);
    assertThat(stored.messages().getLast().message().content()).isEqualTo("It is 42.");
    assertThat(stored.tools()).as("the run's tool list keeps the call").singleElement()
        .satisfies(t -> assertThat(t.toolName()).isEqualTo("add"));
  }

  @Test
  void tool_messages_are_stored_by_default() {
    Engine engine = engine("tools: [{builtin: calculator}]", ADD_THEN_ANSWER);

    RunOutput out = engine.run("agent", RunRequest.create(r -> r.input("add").sessionId("s")));

    assertThat(store.findRun(out.runId()).orElseThrow().messages()).extracting(m -> m.message().role())
        .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
  }

  @Test
  void store_history_messages_false_leaves_the_replayed_history_out_of_the_stored_run() {
    Engine engine = engine("""
        add_history_to_context: true
        store_history_messages: false
        """, "fallback: ok");
    engine.run("agent", RunRequest.create(r -> r.input("one").sessionId("s")));

    RunOutput second = engine.run("agent", RunRequest.create(r -> r.input("two").sessionId("s")));

    assertThat(second.messages()).as("the model read the history").anyMatch(RunMessage::fromHistory);
    RunOutput stored = store.findRun(second.runId()).orElseThrow();
    assertThat(stored.messages()).noneMatch(RunMessage::fromHistory);
    assertThat(stored.messages()).extracting(m -> m.message().content()).containsExactly("two", "ok");
  }

  @Test
  void history_messages_are_stored_by_default() {
    Engine engine = engine("add_history_to_context: true", "fallback: ok");
    engine.run("agent", RunRequest.create(r -> r.input("one").sessionId("s")));

    RunOutput second = engine.run("agent", RunRequest.create(r -> r.input("two").sessionId("s")));

    assertThat(store.findRun(second.runId()).orElseThrow().messages()).anyMatch(RunMessage::fromHistory);
  }

  @Test
  void events_to_skip_names_the_events_left_out_of_the_stored_run() {
    Engine engine = engine("""
        store_events: true
        events_to_skip: [ModelRequestStarted, ModelRequestCompleted]
        """, "fallback: ok");

    RunOutput out = engine.run("agent", RunRequest.create(r -> r.input("hi").sessionId("s")));

    assertThat(store.findRun(out.runId()).orElseThrow().events()).extracting(RunEvent::name)
        .as("the list replaces the default, so the content is stored")
        .containsExactly("RunStarted", "RunContent", "RunContentCompleted", "RunCompleted");
  }

  @Test
  void by_default_an_agent_skips_only_its_content_events() {
    Engine engine = engine("store_events: true", "fallback: ok");

    RunOutput out = engine.run("agent", RunRequest.create(r -> r.input("hi").sessionId("s")));

    assertThat(store.findRun(out.runId()).orElseThrow().events()).extracting(RunEvent::name)
        .containsExactly("RunStarted", "ModelRequestStarted", "ModelRequestCompleted", "RunContentCompleted",
            "RunCompleted");
  }

  @Test
  void a_team_skips_the_events_its_events_to_skip_names() {
    Engine engine = Engine.create(Specs.compile(dir, TeamRunTest.MODELS + "---\n" + Specs.HEADER + """
        kind: Team
        metadata: {name: t}
        spec:
          model: leader-model
          members: [{agent: geo}]
          store_events: true
          events_to_skip: [TeamRunContent, TeamToolCallStarted, TeamToolCallCompleted, TeamModelRequestStarted,
            TeamModelRequestCompleted]
        """), c -> c.store(store));

    RunOutput out = engine.run(Target.team("t"), RunRequest.create(r -> r.input("What is the capital?")
        .sessionId("s")), e -> { });

    assertThat(store.findRun(out.runId()).orElseThrow().events()).extracting(RunEvent::name)
        .containsExactly("TeamRunStarted", "TeamRunContentCompleted", "TeamRunCompleted");
  }
}
