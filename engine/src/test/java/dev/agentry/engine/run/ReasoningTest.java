package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.ReasoningSteps;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.ReasoningNotes;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.StubProvider;
import dev.agentry.engine.llm.StubProvider.Reply;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.StoreSettings;
import dev.agentry.engine.store.sqlite.SqliteSessionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Step-by-step reasoning ({@code reasoning: true}): the steps stream before the answer, join the model's context,
 * and are kept with the run, in Agno's fields and where Agent UI reads them ({@code extra_data.reasoning_steps}).
 */
class ReasoningTest {
  /** Two steps in one answer, the second final. */
  private static final String TWO_STEPS = """
      {"reasoning_steps": [
        {"title": "Read the question", "action": "I will restate it.", "result": "I restated it.",
         "reasoning": "Understanding comes first.", "next_action": "continue", "confidence": 0.9},
        {"title": "Answer", "action": "I will add 2 and 3.", "result": "I got 5.",
         "reasoning": "Plain arithmetic.", "next_action": "final_answer", "confidence": 1.0}]}""";

  @TempDir Path dir;

  private static String step(String title, String next) {
    return "{\"reasoning_steps\": [{\"title\": \"" + title + "\", \"next_action\": \"" + next + "\"}]}";
  }

  /** An agent on a scripted model that reasons with the scripted model {@code thinker} ({@code thinkerScript}). */
  private Engine engine(String reasoningSpec, String thinkerScript, SessionStore store) {
    return Engine.create(Specs.compile(dir, Specs.agent(reasoningSpec, """
        chunk_size: 5
        fallback: The answer is 5.
        """) + "---\n" + Specs.HEADER + """
        kind: Model
        metadata: {name: thinker}
        spec:
          provider: scripted
          script:
        """ + Specs.indent(thinkerScript, "    ")), c -> c.store(store));
  }

  private Engine engine(String reasoningSpec, String thinkerScript) {
    return engine(reasoningSpec, thinkerScript, dev.agentry.engine.store.memory.MemorySessionStore.create());
  }

  private static String turn(String json) {
    return "turns:\n  - content: '" + json.replace("\n", " ").replace("'", "''") + "'\n";
  }

  @Test
  void the_steps_stream_before_the_answer_and_are_kept_with_the_stored_run() {
    SessionStore store = SqliteSessionStore.open(new StoreSettings("sqlite:" + dir.resolve("runs.db"), "agno_", 4,
        Duration.ofSeconds(5)));
    Engine engine = engine("reasoning_model: thinker\nreasoning_min_steps: 2", turn(TWO_STEPS), store);
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.of("what is 2 + 3?"), log);

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(log.names()).containsExactly("RunStarted", "ReasoningStarted", "ReasoningStep", "ReasoningStep",
        "ReasoningCompleted", "ModelRequestStarted", "RunContent*", "ModelRequestCompleted", "RunContentCompleted",
        "RunCompleted");
    List<RunEvent.ReasoningStep> steps = log.of(RunEvent.ReasoningStep.class);
    assertThat(steps.get(0).content()).isEqualTo(new ReasoningSteps.Step("Read the question", "I will restate it.",
        "I restated it.", "Understanding comes first.", "continue", 0.9));
    assertThat(steps.get(1).contentType()).isEqualTo("ReasoningStep");
    assertThat(steps.get(1).reasoningContent()).isEqualTo("""
        ## Read the question
        Understanding comes first.
        Action: I will restate it.
        Result: I restated it.

        ## Answer
        Plain arithmetic.
        Action: I will add 2 and 3.
        Result: I got 5.

        """);
    assertThat(log.of(RunEvent.RunContent.class)).allSatisfy(c -> assertThat(c.reasoningSteps()).hasSize(2));

    assertThat(out.reasoningSteps()).extracting(ReasoningSteps.Step::title).containsExactly("Read the question",
        "Answer");
    assertThat(out.reasoningContent()).isEqualTo(steps.get(1).reasoningContent());
    assertThat(out.reasoningMessages()).singleElement().satisfies(m -> {
      assertThat(m.message().role()).isEqualTo(Role.ASSISTANT);
      assertThat(m.message().content()).contains("Read the question");
    });
    assertThat(out.messages()).extracting(m -> m.message().role()) // the notes join the context, not the messages
        .containsExactly(Role.USER, Role.ASSISTANT);
    assertThat(out.metrics().inputTokens()).as("the reasoning model's tokens count too")
        .isGreaterThan(log.of(RunEvent.ModelRequestCompleted.class).getFirst().inputTokens());

    RunOutput stored = store.findRun(out.runId()).orElseThrow();
    assertThat(stored.reasoningSteps()).isEqualTo(out.reasoningSteps());
    assertThat(stored.reasoningMessages()).hasSize(1);
  }

  @Test
  void events_carry_the_steps_in_agnos_fields_and_in_extra_data_as_agent_ui_reads_them() {
    Engine engine = engine("reasoning: true\nreasoning_model: thinker", turn(TWO_STEPS));
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.of("what is 2 + 3?"), log);

    ObjectNode step = EventJson.toTree(log.of(RunEvent.ReasoningStep.class).getFirst());
    assertThat(step.path("event").asString()).isEqualTo("ReasoningStep");
    assertThat(step.path("content_type").asString()).isEqualTo("ReasoningStep");
    assertThat(step.path("content").path("title").asString()).isEqualTo("Read the question");
    assertThat(step.path("content").path("next_action").asString()).isEqualTo("continue");
    assertThat(step.path("content").path("confidence").asDouble()).isEqualTo(0.9);
    assertThat(step.path("reasoning_content").asString()).startsWith("## Read the question\n");
    assertThat(step.path("extra_data").path("reasoning_steps")).singleElement() // Agent UI appends it
        .satisfies(s -> assertThat(s.path("title").asString()).isEqualTo("Read the question"));

    ObjectNode completed = EventJson.toTree(log.of(RunEvent.ReasoningCompleted.class).getFirst());
    assertThat(completed.path("content_type").asString()).isEqualTo("ReasoningSteps");
    assertThat(completed.path("content").path("reasoning_steps")).hasSize(2);
    assertThat(completed.path("extra_data").path("reasoning_steps")).hasSize(2); // Agent UI replaces with them

    ObjectNode content = EventJson.toTree(log.of(RunEvent.RunContent.class).getFirst());
    assertThat(content.path("reasoning_steps")).hasSize(2);
    assertThat(content.path("extra_data").path("reasoning_steps").get(1).path("title").asString())
        .isEqualTo("Answer");

    ObjectNode done = EventJson.toTree(log.of(RunEvent.RunCompleted.class).getFirst());
    assertThat(done.path("content").asString()).isEqualTo("The answer is 5.");
    assertThat(done.path("reasoning_content").asString()).startsWith("## Read the question");
    assertThat(done.path("reasoning_steps")).hasSize(2);
    assertThat(done.path("reasoning_messages").get(0).path("role").asString()).isEqualTo("assistant");
    assertThat(done.path("extra_data").path("reasoning_steps").get(0).path("title").asString())
        .isEqualTo("Read the question");
    assertThat(EventJson.read(done)).isInstanceOfSatisfying(RunEvent.RunCompleted.class,
        e -> assertThat(e.reasoningSteps()).hasSize(2)); // a stored event reads back

    JsonNode response = EventJson.MAPPER.valueToTree(RunOutputResponse.of(out));
    assertThat(response.path("reasoning_steps")).hasSize(2);
    assertThat(response.path("extra_data").path("reasoning_steps")).hasSize(2);
    assertThat(response.path("reasoning_messages")).hasSize(1);
  }

  @Test
  void a_run_without_reasoning_has_none_of_its_fields() {
    Engine engine = engine("", "fallback: unused");

    RunOutput out = engine.run("agent", RunRequest.of("hi"), new EventLog());

    JsonNode response = EventJson.MAPPER.valueToTree(RunOutputResponse.of(out));
    assertThat(response.has("reasoning_steps")).isFalse();
    assertThat(response.has("extra_data")).isFalse();
    assertThat(out.reasoningSteps()).isEmpty();
  }

  @Test
  void reasoning_goes_on_until_the_minimum_number_of_steps_is_reached() {
    Engine engine = engine("reasoning_model: thinker\nreasoning_min_steps: 3", """
        rules:
          - when: 'from step 3\\b'
            content: '%s'
          - when: 'Continue reasoning'
            content: '%s'
        fallback: '%s'
        """.formatted(step("Third", "final_answer"), step("Second", "continue"), step("First", "final_answer")));
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.of("think"), log);

    assertThat(out.reasoningSteps()).extracting(ReasoningSteps.Step::title)
        .containsExactly("First", "Second", "Third");
    assertThat(log.of(RunEvent.ReasoningStep.class)).hasSize(3);
    assertThat(out.reasoningMessages()).hasSize(3);
    assertThat(out.content()).isEqualTo("The answer is 5.");
  }

  @Test
  void reasoning_stops_at_the_maximum_number_of_steps() {
    String twoMore = "{\"reasoning_steps\": [{\"title\": \"More\", \"next_action\": \"continue\"}, "
        + "{\"title\": \"Even more\", \"next_action\": \"continue\"}]}";
    Engine engine = engine("reasoning_model: thinker\nreasoning_max_steps: 2", """
        rules:
          - when: 'Continue reasoning'
            content: '%s'
        fallback: '%s'
        """.formatted(twoMore, step("First", "continue")));
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.of("think"), log);

    assertThat(out.reasoningSteps()).extracting(ReasoningSteps.Step::title).containsExactly("First", "More");
    assertThat(log.names()).containsSubsequence("ReasoningStep", "ReasoningStep", "ReasoningCompleted",
        "ModelRequestStarted");
  }

  @Test
  void an_answer_without_steps_ends_reasoning_and_the_run_answers_all_the_same() {
    Engine engine = engine("reasoning_model: thinker", "fallback: I would rather not reason in JSON.");
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.of("think"), log);

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.content()).isEqualTo("The answer is 5.");
    assertThat(out.reasoningSteps()).isEmpty();
    assertThat(log.names()).containsSubsequence("ReasoningStarted", "ModelRequestStarted")
        .doesNotContain("ReasoningStep", "ReasoningCompleted");
  }

  @Test
  void a_scripted_model_plays_its_turns_after_the_reasoning_steps() {
    Engine engine = Engine.create(Specs.compile(dir, Specs.agent("""
        reasoning_model: thinker
        tools: [{builtin: calculator, include_tools: [add]}]
        """, """
        turns:
          - tool_calls: [{name: add, arguments: {a: 2, b: 3}}]
          - content: 'The calculator says {tool_result}'
        """) + "---\n" + Specs.HEADER + """
        kind: Model
        metadata: {name: thinker}
        spec:
          provider: scripted
          script:
        """ + Specs.indent(turn(TWO_STEPS), "    ")));

    RunOutput out = engine.run("agent", RunRequest.of("what is 2 + 3?"), new EventLog());

    assertThat(out.tools()).singleElement().satisfies(t -> assertThat(t.result()).contains("5"));
    assertThat(out.contentText()).startsWith("The calculator says");
    assertThat(out.reasoningSteps()).hasSize(2);
  }

  @Test
  void a_reasoning_agent_reasons_in_a_child_run() {
    Engine engine = Engine.create(Specs.compile(dir, Specs.agent("reasoning_agent: planner", """
        fallback: Planned and answered.
        """) + "---\n" + Specs.HEADER + """
        kind: Agent
        metadata: {name: planner}
        spec:
          model: thinker
          instructions: [Plan the answer in steps.]
        ---
        """ + Specs.HEADER + """
        kind: Model
        metadata: {name: thinker}
        spec:
          provider: scripted
          script:
        """ + Specs.indent(turn(TWO_STEPS), "    ")));
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.of("what is 2 + 3?"), log);

    assertThat(out.content()).isEqualTo("Planned and answered.");
    assertThat(out.reasoningSteps()).extracting(ReasoningSteps.Step::title).containsExactly("Read the question",
        "Answer");
    assertThat(log.events).as("the reasoning agent's own events stay out of the stream")
        .allSatisfy(e -> assertThat(e.scope().componentId()).isEqualTo("agent"));
    assertThat(out.reasoningMessages()).isNotEmpty();
    assertThat(out.reasoningMessages().getFirst().message().content()).contains("reasoning_steps");
  }

  @Test
  void a_team_leader_reasons_with_team_events() {
    Engine engine = Engine.create(Specs.compile(dir, Specs.HEADER + """
        kind: Team
        metadata: {name: desk}
        spec:
          model: lead
          members: [{agent: helper}]
          reasoning: true
          reasoning_model: thinker
        ---
        """ + Specs.HEADER + """
        kind: Agent
        metadata: {name: helper}
        spec: {model: lead}
        ---
        """ + Specs.HEADER + """
        kind: Model
        metadata: {name: lead}
        spec:
          provider: scripted
          script: {fallback: The team answers.}
        ---
        """ + Specs.HEADER + """
        kind: Model
        metadata: {name: thinker}
        spec:
          provider: scripted
          script:
        """ + Specs.indent(turn(TWO_STEPS), "    ")));
    EventLog log = new EventLog();

    RunOutput out = engine.run(new Target(dev.agentry.engine.event.ComponentKind.TEAM, "desk"),
        RunRequest.of("2 + 3?"), log);

    assertThat(out.reasoningSteps()).hasSize(2);
    assertThat(log.names()).containsSubsequence("TeamRunStarted", "TeamReasoningStarted", "TeamReasoningStep",
        "TeamReasoningStep", "TeamReasoningCompleted", "TeamModelRequestStarted", "TeamRunCompleted");
  }

  @Test
  void the_main_model_reads_the_steps_and_reasoning_effort_reaches_the_openai_wire() {
    try (StubProvider stub = StubProvider.start()) {
      String steps = EventJson.MAPPER.writeValueAsString(TWO_STEPS);
      stub.reply(Reply.json("""
          {"id": "r1", "object": "chat.completion", "model": "o3-mini",
           "choices": [{"index": 0, "message": {"role": "assistant", "content": %s}, "finish_reason": "stop"}],
           "usage": {"prompt_tokens": 30, "completion_tokens": 40, "total_tokens": 70,
                     "completion_tokens_details": {"reasoning_tokens": 12}}}""".formatted(steps)),
          Reply.sse(StubProvider.fixture("llm/openai/text.sse")));
      Engine engine = Engine.create(Specs.compile(dir, Specs.HEADER + """
          kind: Agent
          metadata: {name: agent}
          spec:
            model: gpt
            reasoning: true
            reasoning_model: o3
          ---
          """ + Specs.HEADER + """
          kind: Model
          metadata: {name: gpt}
          spec: {provider: openai, id: gpt-4o-mini, api_key: sk-test, max_retries: 0, base_url: "%s"}
          ---
          """.formatted(stub.baseUrl()) + Specs.HEADER + """
          kind: Model
          metadata: {name: o3}
          spec: {provider: openai, id: o3-mini, api_key: sk-test, max_retries: 0, base_url: "%s",
                 reasoning_effort: low}
          """.formatted(stub.baseUrl())));

      RunOutput out = engine.run("agent", RunRequest.of("what is 2 + 3?"), new EventLog());

      assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(out.reasoningSteps()).hasSize(2);
      JsonNode reasoning = stub.requests().get(0).json();
      assertThat(reasoning.path("model").asString()).isEqualTo("o3-mini");
      assertThat(reasoning.path("reasoning_effort").asString()).isEqualTo("low");
      assertThat(reasoning.path("messages").get(0).path("content").asString()).contains("Reasoning Agent")
          .contains("minimum of 1 and a maximum of 10 steps");
      assertThat(reasoning.path("messages").get(reasoning.path("messages").size() - 1).path("content").asString())
          .isEqualTo("what is 2 + 3?");

      JsonNode main = stub.requests().get(1).json();
      assertThat(main.path("model").asString()).isEqualTo("gpt-4o-mini");
      assertThat(main.has("reasoning_effort")).isFalse();
      List<String> contents = main.path("messages").valueStream().map(m -> m.path("role").asString() + ": "
          + m.path("content").asString()).toList();
      assertThat(contents).containsSubsequence("user: what is 2 + 3?", "assistant: " + ReasoningNotes.BEFORE,
          "assistant: " + TWO_STEPS, "assistant: " + ReasoningNotes.AFTER);
    }
  }
}
