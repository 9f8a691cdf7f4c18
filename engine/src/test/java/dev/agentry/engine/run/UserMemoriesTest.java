package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.store.MemoryQuery;
import dev.agentry.engine.store.UserMemory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User memories: the memory manager after each run, the agentic memory tool, memories in the context. */
class UserMemoriesTest {
  @TempDir Path dir;

  /** A scripted memory manager: adds, updates and deletes memories by what the user says. */
  static final String MANAGER = Specs.HEADER + """
      kind: Model
      metadata: {name: manager}
      spec:
        provider: scripted
        script:
          rules:
            - when: 'forget my coffee'
              content: "deleted"
              tool_calls:
                - name: delete_memory
                  arguments: {memory_id: "{system:ID: (\\\\S+)\\\\s+Memory: [^\\\\n]*coffee}"}
            - when: 'now I drink tea'
              content: "updated"
              tool_calls:
                - name: update_memory
                  arguments: {memory_id: "{system:ID: (\\\\S+)\\\\s+Memory: [^\\\\n]*coffee}", memory: "User drinks tea, no longer coffee", topics: [drinks]}
            - when: 'I (like|drink|am)'
              content: "added"
              tool_calls:
                - name: add_memory
                  arguments: {memory: "User says: {input}", topics: [facts]}
            - when: 'boom'
              content: "bad"
              tool_calls:
                - name: no_such_tool
          fallback: "nothing to remember"
      ---
      """;

  private Engine engine(String agentSpec, String script) {
    Catalog catalog = Specs.compile(dir, MANAGER + Specs.agent(agentSpec, script));
    return Engine.create(catalog);
  }

  private static final String USER_MEMORIES = """
      enable_user_memories: true
      memory_manager: {model: manager}
      """;

  private static List<UserMemory> memories(Engine engine, String user) {
    return engine.store().listMemories(MemoryQuery.ofUser(user, 1, 100)).items();
  }

  private static RunOutput run(Engine engine, String user, String input) {
    return engine.run("agent", RunRequest.create(r -> r.input(input).userId(user)));
  }

  @Test
  void the_manager_adds_updates_and_deletes_a_users_memories_over_several_runs() {
    Engine engine = engine(USER_MEMORIES, "fallback: ok");

    assertThat(run(engine, "ada", "I drink coffee every morning").status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(run(engine, "ada", "I like running").status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(memories(engine, "ada")).extracting(UserMemory::memory).containsExactlyInAnyOrder(
        "User says: I drink coffee every morning", "User says: I like running");
    assertThat(memories(engine, "ada")).allSatisfy(m -> {
      assertThat(m.agentId()).isEqualTo("agent");
      assertThat(m.teamId()).isNull();
      assertThat(m.userId()).isEqualTo("ada");
      assertThat(m.topics()).containsExactly("facts");
    });

    run(engine, "ada", "now I drink tea");
    assertThat(memories(engine, "ada")).extracting(UserMemory::memory).containsExactlyInAnyOrder(
        "User drinks tea, no longer coffee", "User says: I like running");

    run(engine, "bob", "I am Bob");
    run(engine, "ada", "please forget my coffee habit");
    assertThat(memories(engine, "ada")).extracting(UserMemory::memory).containsExactly("User says: I like running");
    assertThat(memories(engine, "bob")).extracting(UserMemory::memory).containsExactly("User says: I am Bob");
  }

  @Test
  void without_a_user_the_memories_are_the_default_users() {
    Engine engine = engine(USER_MEMORIES, "fallback: ok");

    engine.run("agent", RunRequest.of("I like tea"));

    assertThat(memories(engine, "default")).extracting(UserMemory::memory).containsExactly("User says: I like tea");
  }

  @Test
  void a_later_run_has_the_users_memories_in_its_system_message_and_another_user_does_not() {
    Engine engine = engine(USER_MEMORIES, "fallback: ok");
    run(engine, "ada", "I like running");

    String ada = system(run(engine, "ada", "what do you know?"));
    String bob = system(run(engine, "bob", "what do you know?"));

    assertThat(ada).contains("<memories_from_previous_interactions>\n- User says: I like running\n"
        + "</memories_from_previous_interactions>");
    assertThat(bob).doesNotContain("<memories_from_previous_interactions>")
        .contains("have not had any interactions with the user yet");
  }

  @Test
  void add_memories_to_context_false_keeps_them_out() {
    Engine engine = engine(USER_MEMORIES + "add_memories_to_context: false\ninstructions: [be brief]\n",
        "fallback: ok");
    run(engine, "ada", "I like running");

    assertThat(system(run(engine, "ada", "hi"))).doesNotContain("memories");
  }

  @Test
  void the_stream_has_memory_update_events_before_run_completed_with_the_users_memories() {
    Engine engine = engine(USER_MEMORIES, "fallback: ok");
    EventLog log = new EventLog();

    engine.run("agent", RunRequest.create(r -> r.input("I like running").userId("ada")), log);

    List<String> names = log.names();
    assertThat(names.subList(names.size() - 4, names.size())).containsExactly("RunContentCompleted",
        "MemoryUpdateStarted", "MemoryUpdateCompleted", "RunCompleted");
    RunEvent.MemoryUpdateCompleted done = log.of(RunEvent.MemoryUpdateCompleted.class).getFirst();
    UserMemory stored = memories(engine, "ada").getFirst();
    java.util.Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("memory_id", stored.memoryId());
    expected.put("memory", "User says: I like running");
    expected.put("topics", List.of("facts"));
    expected.put("agent_id", "agent");
    expected.put("team_id", null);
    expected.put("user_id", "ada");
    expected.put("updated_at", java.time.Instant.ofEpochSecond(stored.updatedAt()).toString());
    assertThat(done.memories()).singleElement().isEqualTo(expected);
    assertThat(((Map<?, ?>) done.memories().getFirst()).keySet().stream().map(Object::toString).toList())
        .containsExactly("memory_id", "memory", "topics", "agent_id", "team_id", "user_id", "updated_at");
  }

  @Test
  void memory_update_completed_on_the_wire_has_the_contract_fields_and_the_memories_as_user_memory_schemas() {
    Engine engine = engine(USER_MEMORIES, "fallback: ok");
    EventLog log = new EventLog();
    engine.run("agent", RunRequest.create(r -> r.input("I like running").userId("ada")), log);

    tools.jackson.databind.node.ObjectNode started = dev.agentry.engine.event.EventJson.toTree(
        log.of(RunEvent.MemoryUpdateStarted.class).getFirst());
    tools.jackson.databind.node.ObjectNode done = dev.agentry.engine.event.EventJson.toTree(
        log.of(RunEvent.MemoryUpdateCompleted.class).getFirst());

    assertThat(started.path("event").asString()).isEqualTo("MemoryUpdateStarted");
    assertThat(done.path("event").asString()).isEqualTo("MemoryUpdateCompleted");
    for (String field : List.of("created_at", "run_id", "agent_id", "agent_name", "session_id")) {
      assertThat(done.has(field)).as(field).isTrue();
      assertThat(started.has(field)).as(field).isTrue();
    }
    assertThat(done.propertyNames().stream().toList().getLast()).isEqualTo("memories");
    tools.jackson.databind.JsonNode memory = done.path("memories").get(0);
    assertThat(memory.path("memory").asString()).isEqualTo("User says: I like running");
    assertThat(memory.path("user_id").asString()).isEqualTo("ada");
    assertThat(memory.path("agent_id").asString()).isEqualTo("agent");
    assertThat(memory.path("topics").get(0).asString()).isEqualTo("facts");
    assertThat(memory.path("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
  }

  @Test
  void a_failing_memory_manager_does_not_fail_the_run() {
    Engine engine = Engine.create(Specs.compile(dir, Specs.HEADER + """
        kind: Model
        metadata: {name: manager}
        spec:
          provider: openai
          id: gpt-4o
          base_url: http://127.0.0.1:9/v1
          api_key: nope
        ---
        """ + Specs.agent(USER_MEMORIES, "fallback: the answer")));
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.create(r -> r.input("I like running").userId("ada")), log);

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.contentText()).isEqualTo("the answer");
    assertThat(log.names()).contains("MemoryUpdateStarted", "MemoryUpdateCompleted", "RunCompleted");
    assertThat(memories(engine, "ada")).isEmpty();
  }

  @Test
  void agentic_memory_gives_the_model_the_update_user_memory_tool_and_no_update_after_the_run() {
    Engine engine = engine("""
        enable_agentic_memory: true
        memory_manager: {model: manager}
        """, """
        rules:
          - when: 'remember'
            content: "Done: {tool_result}"
            tool_calls:
              - name: update_user_memory
                arguments: {task: "I like chess"}
        fallback: ok
        """);
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.create(r -> r.input("remember that I like chess").userId("ada")),
        log);

    assertThat(out.contentText()).isEqualTo("Done: added");
    assertThat(memories(engine, "ada")).extracting(UserMemory::memory).containsExactly("User says: I like chess");
    assertThat(log.names()).doesNotContain("MemoryUpdateStarted");
    assertThat(system(out)).contains("<updating_user_memories>");
    assertThat(run(engine, "bob", "I like tea").status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(memories(engine, "bob")).isEmpty(); // the model did not call the tool: nothing after the run
  }

  @Test
  void a_team_leader_keeps_memories_with_its_team_id() {
    Catalog catalog = Specs.compile(dir, MANAGER + Specs.HEADER + """
        kind: Model
        metadata: {name: lead}
        spec: {provider: scripted, script: {fallback: "team answer"}}
        ---
        """ + Specs.HEADER + """
        kind: Agent
        metadata: {name: member}
        spec: {model: lead}
        ---
        """ + Specs.HEADER + """
        kind: Team
        metadata: {name: t}
        spec:
          model: lead
          members: [{agent: member}]
          enable_user_memories: true
          memory_manager: {model: manager}
        """);
    Engine engine = Engine.create(catalog);
    EventLog log = new EventLog();

    RunOutput out = engine.run(Target.team("t"), RunRequest.create(r -> r.input("I like chess").userId("ada")), log);

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(memories(engine, "ada")).singleElement().satisfies(m -> {
      assertThat(m.teamId()).isEqualTo("t");
      assertThat(m.agentId()).isNull();
    });
    assertThat(log.names()).containsSubsequence("TeamMemoryUpdateStarted", "TeamMemoryUpdateCompleted",
        "TeamRunCompleted");
    assertThat(system(engine.run(Target.team("t"), RunRequest.create(r -> r.input("hi").userId("ada")),
        new EventLog()))).contains("- User says: I like chess");
  }

  private static String system(RunOutput out) {
    return out.messages().stream().filter(m -> m.message().role() == Role.SYSTEM).map(m -> m.message().content())
        .findFirst().orElse("");
  }
}
