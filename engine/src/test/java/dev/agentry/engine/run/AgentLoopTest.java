package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLoopTest {
  @TempDir Path dir;

  private Engine engine(String agentSpec, String script) {
    return Engine.create(Specs.compile(dir, Specs.agent(agentSpec, script)));
  }

  @Test
  void streams_a_plain_answer_in_chunks_and_ends_with_the_full_text() {
    Engine engine = engine("instructions: [Be brief.]", """
        chunk_size: 4
        fallback: Hello there, friend.
        """);
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.of("hi"), log);

    assertThat(log.names()).containsExactly("RunStarted", "ModelRequestStarted", "RunContent*",
        "ModelRequestCompleted", "RunContentCompleted", "RunCompleted");
    assertThat(log.of(RunEvent.RunContent.class)).extracting(RunEvent.RunContent::content)
        .containsExactly("Hell", "o th", "ere,", " fri", "end.");
    assertThat(log.of(RunEvent.RunCompleted.class).getFirst().content()).isEqualTo("Hello there, friend.");
    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.content()).isEqualTo("Hello there, friend.");
    assertThat(out.metrics().inputTokens()).isPositive();
    assertThat(out.metrics().outputTokens()).isEqualTo(5);
    assertThat(out.metrics().timeToFirstToken()).isNotNull();
    assertThat(out.messages()).extracting(m -> m.message().role())
        .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT);
  }

  @Test
  void a_blocking_run_without_streaming_emits_one_content_event() {
    Engine engine = engine("", "fallback: All in one piece.");
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.create(r -> r.input("hi").stream(false)), log);

    assertThat(log.of(RunEvent.RunContent.class)).singleElement()
        .extracting(RunEvent.RunContent::content).isEqualTo("All in one piece.");
    assertThat(out.content()).isEqualTo("All in one piece.");
  }

  @Test
  void without_stream_events_only_content_reaches_the_sink() {
    Engine engine = engine("", "fallback: Quiet run.");
    EventLog log = new EventLog();

    engine.run("agent", RunRequest.create(r -> r.input("hi").streamEvents(false)), log);

    assertThat(log.names()).containsExactly("RunContent*");
  }

  @Test
  void an_unknown_tool_and_bad_arguments_are_reported_to_the_model_and_the_run_goes_on() {
    Engine engine = Engine.create(Specs.compile(dir, Specs.agent("""
        tools:
          - toolkit: client
        """, """
        turns:
          - tool_calls:
              - {name: no_such_tool, arguments: {}}
              - {name: lookup, arguments: {query: 42}}
          - content: I could not use the tools.
        """) + "---\n" + Specs.HEADER + """
        kind: Toolkit
        metadata: {name: client}
        spec:
          functions:
            - name: lookup
              parameters:
                type: object
                required: [query]
                properties: {query: {type: string}}
        """));
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.of("go"), log);

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.content()).isEqualTo("I could not use the tools.");
    List<Message> toolMessages = out.messages().stream().map(RunMessage::message)
        .filter(m -> m.role() == Role.TOOL).toList();
    assertThat(toolMessages).hasSize(2).allMatch(Message::toolError);
    assertThat(toolMessages.get(0).content()).contains("no_such_tool not found").contains("lookup");
    assertThat(toolMessages.get(1).content()).contains("invalid arguments for lookup");
    assertThat(log.names()).containsSubsequence("ToolCallStarted", "ToolCallStarted", "ToolCallCompleted",
        "ToolCallCompleted", "ModelRequestStarted", "RunContent*", "RunCompleted");
  }

  @Test
  void templates_fill_instructions_from_session_state_dependencies_and_user_id() {
    Engine engine = engine("""
        description: You help {user_id}.
        instructions: ["Greet {customer} from {city}.", "Keep {unknown} as written."]
        session_state: {customer: Ada}
        dependencies: {city: Paris}
        add_session_state_to_context: true
        """, "fallback: ok");

    RunOutput out = engine.run("agent", RunRequest.create(r -> r.input("hi").userId("u-7")
        .sessionState(Map.of("plan", "pro"))));

    String system = out.messages().getFirst().message().content();
    assertThat(system).startsWith("You help u-7.")
        .contains("- Greet Ada from Paris.", "- Keep {unknown} as written.")
        .contains("<session_state>", "\"plan\":\"pro\"");
    assertThat(out.sessionState()).containsEntry("customer", "Ada").containsEntry("plan", "pro");
  }

  @Test
  void history_of_earlier_runs_is_replayed_in_the_same_session() {
    Engine engine = engine("""
        add_history_to_context: true
        num_history_runs: 1
        """, """
        rules:
          - {when: first, content: One.}
          - {when: second, content: Two.}
          - {when: third, content: Three.}
        """);

    engine.run("agent", RunRequest.create(r -> r.input("first").sessionId("s")));
    engine.run("agent", RunRequest.create(r -> r.input("second").sessionId("s")));
    RunOutput third = engine.run("agent", RunRequest.create(r -> r.input("third").sessionId("s")));

    assertThat(third.messages()).filteredOn(RunMessage::fromHistory).extracting(m -> m.message().content())
        .containsExactly("second", "Two.");
    assertThat(third.content()).isEqualTo("Three.");
    assertThat(engine.store().listRuns("s")).hasSize(3);
  }

  @Test
  void structured_output_gets_one_corrective_retry_then_a_clear_error() {
    String schema = """
        output_schema:
          title: Ticket
          type: object
          required: [priority]
          properties: {priority: {type: integer}}
        """;
    Engine fixed = engine(schema, """
        rules:
          - {when: file it, content: '{"priority": "high"}'}
          - when: does not match
            content: |
              ```json
              {"priority": 2}
              ```
        """);
    RunOutput ok = fixed.run("agent", RunRequest.of("file it"));
    assertThat(ok.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(ok.contentType()).isEqualTo("Ticket");
    assertThat(ok.contentText()).isEqualTo("{\"priority\":2}");

    Engine stubborn = engine(schema, "fallback: not json at all");
    EventLog log = new EventLog();
    RunOutput bad = stubborn.run("agent", RunRequest.of("file it"), log);
    assertThat(bad.status()).isEqualTo(RunStatus.ERROR);
    assertThat(bad.contentText()).contains("did not match output_schema after one corrective retry")
        .contains("not JSON");
    assertThat(log.names().getLast()).isEqualTo("RunError");
  }

  @Test
  void cancelling_a_streaming_run_ends_it_promptly_as_cancelled() throws Exception {
    Engine engine = engine("", """
        chunk_size: 1
        chunk_delay_ms: 50
        fallback: This answer would take many seconds to stream one character at a time.
        """);
    EventLog log = new EventLog();
    java.util.concurrent.CountDownLatch firstChunk = new java.util.concurrent.CountDownLatch(1);
    RunHandle handle = engine.start("agent", RunRequest.of("hi"), event -> {
      log.accept(event);
      if (event instanceof RunEvent.RunContent) {
        firstChunk.countDown();
      }
    });
    firstChunk.await();

    assertThat(engine.cancel(handle.runId())).isTrue();
    RunOutput out = handle.await();

    assertThat(out.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(log.names().getLast()).isEqualTo("RunCancelled");
    assertThat(log.of(RunEvent.RunContent.class).size()).isLessThan(10);
    assertThat(engine.store().findRun(handle.runId())).get().extracting(RunOutput::status)
        .isEqualTo(RunStatus.CANCELLED);
    assertThat(engine.cancel(handle.runId())).isFalse();
  }

  @Test
  void a_run_records_its_catalog_version_and_reload_only_affects_new_runs() {
    Engine engine = engine("", "fallback: old");
    String oldVersion = engine.catalog().version();

    engine.reload(Specs.compile(dir, Specs.agent("", "fallback: new")));
    RunOutput out = engine.run("agent", RunRequest.of("hi"));

    assertThat(out.content()).isEqualTo("new");
    assertThat(out.specVersion()).isEqualTo(engine.catalog().version()).isNotEqualTo(oldVersion);
  }
}
