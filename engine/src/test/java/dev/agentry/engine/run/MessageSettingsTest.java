package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.memory.MemorySessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an agent's messages are built beyond its context fields: {@code system_message_role},
 * {@code user_message_role}, {@code add_location_to_context}, {@code build_user_context} and {@code introduction}.
 */
class MessageSettingsTest {
  @TempDir Path dir;

  private Engine engine(String agentSpec, String script) {
    return Engine.create(Specs.compile(dir, Specs.agent(agentSpec, script)));
  }

  @Test
  void the_system_and_user_messages_have_the_roles_the_agent_sets() {
    Engine engine = engine("""
        instructions: [Be brief.]
        system_message_role: developer
        user_message_role: user
        """, "fallback: ok");

    RunOutput out = engine.run("agent", RunRequest.of("hi"));

    assertThat(out.messages()).extracting(m -> m.message().role())
        .containsExactly(Role.DEVELOPER, Role.USER, Role.ASSISTANT);
    assertThat(out.messages().getFirst().message().content()).isEqualTo("<instructions>\nBe brief.\n</instructions>");
  }

  @Test
  void build_context_false_sends_no_system_message_unless_one_is_written() {
    RunOutput built = engine("""
        instructions: [Be brief.]
        build_context: false
        """, "fallback: ok").run("agent", RunRequest.of("hi"));
    assertThat(built.messages()).extracting(m -> m.message().role()).containsExactly(Role.USER, Role.ASSISTANT);

    RunOutput written = engine("""
        instructions: [Be brief.]
        system_message: You answer in French.
        build_context: false
        """, "fallback: ok").run("agent", RunRequest.of("hi"));
    assertThat(written.messages().getFirst().message().content()).isEqualTo("You answer in French.");
  }

  @Test
  void the_default_roles_are_system_and_user() {
    RunOutput out = engine("instructions: [Be brief.]", "fallback: ok").run("agent", RunRequest.of("hi"));

    assertThat(out.messages()).extracting(m -> m.message().role())
        .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT);
  }

  @Test
  void the_configured_location_is_added_to_the_additional_information() {
    Engine engine = engine("""
        add_location_to_context: true
        add_name_to_context: true
        location: {city: Paris, region: Île-de-France, country: France}
        """, "fallback: ok");

    String system = engine.run("agent", RunRequest.of("hi")).messages().getFirst().message().content();

    assertThat(system).isEqualTo("""
        <additional_information>
        - Your approximate location is: Paris, Île-de-France, France.
        - Your name is: agent.
        </additional_information>""");
  }

  @Test
  void a_location_without_some_parts_joins_the_parts_it_has_and_is_not_added_when_switched_off() {
    String partial = engine("""
        add_location_to_context: true
        location: {country: Norway}
        """, "fallback: ok").run("agent", RunRequest.of("hi")).messages().getFirst().message().content();
    assertThat(partial).contains("- Your approximate location is: Norway.");

    RunOutput off = engine("""
        instructions: [Be brief.]
        location: {city: Oslo}
        """, "fallback: ok").run("agent", RunRequest.of("hi"));
    assertThat(off.messages().getFirst().message().content()).doesNotContain("location").doesNotContain("Oslo");
  }

  @Test
  void add_location_to_context_without_a_location_is_refused_at_its_position() throws IOException {
    Files.writeString(dir.resolve("specs.yaml"), Specs.agent("add_location_to_context: true", "fallback: ok"));

    SpecCompiler.Result result = SpecCompiler.create().compile(dir);

    assertThat(result.ok()).isFalse();
    assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Diagnostic.Severity.ERROR)
        .singleElement().satisfies(d -> {
          assertThat(d.pointer()).isEqualTo("/spec/add_location_to_context");
          assertThat(d.code()).isEqualTo("missing-location");
          assertThat(d.message()).isEqualTo("add_location_to_context needs a location: Agentry looks no location up");
        });
  }

  @Test
  void without_build_user_context_the_input_is_sent_as_given() {
    String spec = """
        add_dependencies_to_context: true
        dependencies: {plan: pro}
        """;
    RunOutput built = engine(spec, "fallback: ok").run("agent", RunRequest.of("hi"));
    RunOutput plain = engine(spec + "build_user_context: false\n", "fallback: ok").run("agent", RunRequest.of("hi"));

    assertThat(user(built)).startsWith("hi\n\n<additional context>").contains("\"plan\"");
    assertThat(user(plain)).isEqualTo("hi");
  }

  @Test
  void the_introduction_is_the_first_run_of_a_new_session_and_the_model_reads_it() {
    SessionStore store = MemorySessionStore.create();
    Engine engine = Engine.create(Specs.compile(dir, Specs.agent("""
        introduction: Hello, I am your travel agent.
        add_history_to_context: true
        """, "fallback: ok")), c -> c.store(store));

    RunOutput first = engine.run("agent", RunRequest.create(r -> r.input("hi").sessionId("s").userId("u")));
    engine.run("agent", RunRequest.create(r -> r.input("again").sessionId("s")));

    List<RunOutput> runs = store.listRuns("s");
    assertThat(runs).hasSize(3);
    RunOutput intro = runs.getFirst();
    assertThat(intro.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(intro.content()).isEqualTo("Hello, I am your travel agent.");
    assertThat(intro.componentId()).isEqualTo("agent");
    assertThat(intro.userId()).isEqualTo("u");
    assertThat(intro.messages()).singleElement().satisfies(m -> {
      assertThat(m.message().role()).isEqualTo(Role.ASSISTANT);
      assertThat(m.message().content()).isEqualTo("Hello, I am your travel agent.");
    });
    assertThat(first.messages()).as("the first run's model reads the introduction as history")
        .anySatisfy(m -> {
          assertThat(m.fromHistory()).isTrue();
          assertThat(m.message().content()).isEqualTo("Hello, I am your travel agent.");
        });
    assertThat(runs.subList(1, 3)).extracting(RunOutput::content).containsOnly("ok");
  }

  @Test
  void a_session_that_exists_gets_no_introduction() {
    SessionStore store = MemorySessionStore.create();
    Engine plain = Engine.create(Specs.compile(dir, Specs.agent("", "fallback: ok")), c -> c.store(store));
    plain.run("agent", RunRequest.create(r -> r.input("hi").sessionId("s")));
    Engine introducing = Engine.create(Specs.compile(dir, Specs.agent("introduction: Hello.", "fallback: ok")),
        c -> c.store(store));

    introducing.run("agent", RunRequest.create(r -> r.input("again").sessionId("s")));

    assertThat(store.listRuns("s")).extracting(RunOutput::content).containsExactly("ok", "ok");
  }

  @Test
  void these_fields_and_telemetry_compile_without_a_warning() throws IOException {
    Files.writeString(dir.resolve("specs.yaml"), Specs.agent("""
        enable_agentic_state: true
        overwrite_db_session_state: true
        system_message_role: developer
        user_message_role: user
        build_user_context: false
        introduction: Hello.
        add_location_to_context: true
        location: {city: Oslo}
        store_tool_messages: false
        store_history_messages: false
        store_events: true
        events_to_skip: [RunStarted]
        debug_mode: true
        debug_level: 2
        telemetry: false
        """, "fallback: ok") + "---\n" + Specs.HEADER + """
        kind: Team
        metadata: {name: team}
        spec:
          model: script
          members: [{agent: agent}]
          enable_agentic_state: true
          system_message_role: developer
          introduction: Hello.
          add_location_to_context: true
          location: {country: Norway}
          events_to_skip: [TeamRunStarted]
          debug_mode: true
          telemetry: false
        ---
        """ + Workflows.workflow("flow", """
        debug_mode: true
        telemetry: false
        steps: [{name: only, agent: agent}]
        """) + "---\n" + Specs.HEADER + """
        kind: AgentOS
        metadata: {name: os}
        spec: {telemetry: true}
        """);

    SpecCompiler.Result result = SpecCompiler.create().compile(dir);

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.ok()).isTrue();
  }

  private static String user(RunOutput out) {
    return out.messages().stream().filter(m -> m.message().role() == Role.USER).findFirst().orElseThrow().message()
        .content();
  }
}
