package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.model.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HumanInTheLoopTest {
  @TempDir Path dir;
  Engine engine;

  @BeforeEach
  void setUp() {
    engine = Engine.create(Specs.compile(dir, Specs.agent("""
        tools:
          - toolkit: office
        """, """
        rules:
          - when: email
            content: "Sent: {tool_result}"
            tool_calls: [{name: send_email, arguments: {to: ada@example.com}}]
          - when: meeting
            content: "Booked: {tool_result}"
            tool_calls: [{name: book_meeting, arguments: {title: Sync}}]
          - when: where
            content: "You are in {tool_result}."
            tool_calls: [{name: locate}]
        """) + "---\n" + Specs.HEADER + """
        kind: Toolkit
        metadata: {name: office}
        spec:
          functions:
            - name: send_email
              parameters: {type: object, properties: {to: {type: string}}}
              requires_confirmation: true
            - name: book_meeting
              parameters:
                type: object
                required: [title, date, minutes]
                properties:
                  title: {type: string}
                  date: {type: string, description: Day of the meeting.}
                  minutes: {type: integer}
              requires_user_input: true
              user_input_fields: [date, minutes]
            - name: locate
              external_execution: true
        """));
  }

  @Test
  void a_call_that_needs_confirmation_pauses_and_continues_once_confirmed() {
    EventLog log = new EventLog();
    RunOutput paused = engine.run("agent", RunRequest.of("send the email"), log);

    assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
    assertThat(log.names()).containsExactly("RunStarted", "ModelRequestStarted", "ModelRequestCompleted",
        "RunContentCompleted", "RunPaused");
    RunEvent.RunPaused event = log.of(RunEvent.RunPaused.class).getFirst();
    ToolExecution call = event.tools().getFirst();
    assertThat(call.requiresConfirmation()).isTrue();
    assertThat(call.toolArgs().get("to").stringValue()).isEqualTo("ada@example.com");
    assertThat(event.requirements()).hasSize(1);

    EventLog resumed = new EventLog();
    RunOutput done = engine.continueRun(paused.runId(), List.of(confirmed(call, true)), resumed).await();

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.runId()).isEqualTo(paused.runId());
    assertThat(done.content()).isEqualTo("Sent: The user confirmed the call to send_email.");
    assertThat(resumed.names()).startsWith("RunContinued", "ToolCallStarted", "ToolCallCompleted",
        "ModelRequestStarted").endsWith("RunCompleted");
    assertThat(done.tools()).singleElement().satisfies(t -> {
      assertThat(t.confirmed()).isTrue();
      assertThat(t.toolCallError()).isFalse();
    });
  }

  @Test
  void a_rejected_call_is_reported_to_the_model() {
    RunOutput paused = engine.run("agent", RunRequest.of("send the email"));
    ToolExecution call = paused.tools().getFirst();

    RunOutput done = engine.continueRun(paused.runId(), List.of(confirmed(call, false)), EventSink.NONE).await();

    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.messages()).filteredOn(m -> m.message().role() == Role.TOOL).singleElement()
        .satisfies(m -> {
          assertThat(m.message().toolError()).isTrue();
          assertThat(m.message().content()).contains("rejected").contains("Not today");
        });
  }

  @Test
  void the_model_is_not_asked_for_the_fields_the_user_fills_in() {
    AgentTool book = engine.listTools("agent").stream()
        .filter(t -> t.definition().name().equals("book_meeting")).findFirst().orElseThrow();

    assertThat(book.definition().parameters().path("properties").propertyNames()).containsExactly("title");
    assertThat(book.definition().parameters().path("required").toString()).isEqualTo("[\"title\"]");
  }

  @Test
  void the_tools_of_a_catalog_a_reload_replaced_are_listed_from_that_catalog_when_it_is_asked_for() {
    Catalog before = engine.catalog();
    engine.reload(Specs.compile(dir, Specs.agent("", "fallback: No tools now.")));

    assertThat(engine.listTools("agent")).isEmpty();
    assertThat(engine.listTools(engine.catalog(), "agent")).isEmpty();
    assertThat(engine.listTools(before, "agent")).extracting(t -> t.definition().name())
        .containsExactly("send_email", "book_meeting", "locate");
    assertThat(engine.listTools(before, "agent")).filteredOn(AgentTool::requiresConfirmation)
        .extracting(t -> t.definition().name()).containsExactly("send_email");
    assertThat(engine.listTools(before, "agent")).filteredOn(AgentTool::externalExecution)
        .extracting(t -> t.definition().name()).containsExactly("locate");
  }

  @Test
  void user_input_fields_are_filled_in_before_the_call_runs() {
    RunOutput paused = engine.run("agent", RunRequest.of("book a meeting"));
    assertThat(paused.status()).isEqualTo(RunStatus.PAUSED);
    ToolExecution call = paused.tools().getFirst();
    assertThat(call.requiresUserInput()).isTrue();
    assertThat(call.toolCallError()).isNull();
    assertThat(call.userInputSchema()).extracting(ToolExecution.UserInputField::name)
        .containsExactly("title", "date", "minutes");
    assertThat(call.userInputSchema()).extracting(ToolExecution.UserInputField::fieldType)
        .containsExactly("str", "str", "int");
    assertThat(call.userInputSchema()).extracting(ToolExecution.UserInputField::value)
        .containsExactly("Sync", null, null);
    assertThat(call.userInputSchema().get(1).description()).isEqualTo("Day of the meeting.");

    assertThatThrownBy(() -> engine.continueRun(paused.runId(), List.of(call), EventSink.NONE))
        .isInstanceOf(EngineException.class).hasMessageContaining("fill in the value of 'date'");
    assertThat(engine.store().findRun(paused.runId())).get().extracting(RunOutput::status)
        .isEqualTo(RunStatus.PAUSED);

    ToolExecution answered = withInput(call, Map.of("date", "2026-12-01", "minutes", "30"));
    RunOutput done = engine.continueRun(paused.runId(), List.of(answered), EventSink.NONE).await();
    assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(done.contentText()).contains("\"date\":\"2026-12-01\"").contains("\"title\":\"Sync\"")
        .contains("\"minutes\":30");
    assertThat(done.tools()).singleElement().satisfies(t -> {
      assertThat(t.answered()).isTrue();
      assertThat(t.toolArgs().path("minutes").intValue()).isEqualTo(30);
      assertThat(t.userInputSchema()).extracting(ToolExecution.UserInputField::value)
          .containsExactly("Sync", "2026-12-01", 30L);
    });
  }

  @Test
  void an_external_call_uses_the_result_the_client_sends() {
    RunOutput paused = engine.run("agent", RunRequest.of("where am I?"));
    ToolExecution call = paused.tools().getFirst();
    assertThat(call.externalExecutionRequired()).isTrue();

    ToolExecution executed = call.withExternalResult("Lyon");
    RunOutput done = engine.continueRun(paused.runId(), List.of(executed), EventSink.NONE).await();

    assertThat(done.content()).isEqualTo("You are in Lyon.");
  }

  @Test
  void only_a_paused_run_can_be_continued() {
    RunOutput paused = engine.run("agent", RunRequest.of("send the email"));
    ToolExecution call = paused.tools().getFirst();
    engine.continueRun(paused.runId(), List.of(confirmed(call, true)), EventSink.NONE).await();

    assertThatThrownBy(() -> engine.continueRun(paused.runId(), List.of(), EventSink.NONE))
        .isInstanceOf(EngineException.class).hasMessageContaining("is COMPLETED, not PAUSED");
  }

  private static ToolExecution confirmed(ToolExecution call, boolean yes) {
    return call.withAnswer(yes, yes ? null : "Not today", null);
  }

  private static ToolExecution withInput(ToolExecution call, Map<String, Object> values) {
    List<ToolExecution.UserInputField> fields = call.userInputSchema().stream()
        .map(f -> new ToolExecution.UserInputField(f.name(), f.fieldType(), f.description(),
            values.getOrDefault(f.name(), f.value()))).toList();
    return call.withUserInput(fields);
  }
}
