package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** parser_model, output_model, parse_response, save_response_to_file and tool-result compression, offline. */
class AnswerModelsTest {
  @TempDir Path dir;

  private static final String SCHEMA = """
      output_schema:
        title: Verdict
        type: object
        required: [verdict]
        properties:
          verdict: {type: string}
      """;

  /** An agent on model {@code script} plus one more scripted model named {@code name}. */
  private Engine engine(String agentSpec, String script, String name, String otherScript) {
    return Engine.create(Specs.compile(dir, Specs.agent(agentSpec, script) + "---\n" + Specs.HEADER + """
        kind: Model
        metadata: {name: %s}
        spec:
          provider: scripted
          script:
        """.formatted(name) + Specs.indent(otherScript, "    ")), c -> c.baseDir(dir));
  }

  @Test
  void the_parser_model_turns_the_streamed_answer_into_the_schema() {
    Engine engine = engine(SCHEMA + "parser_model: parser\n", "fallback: It looks fine to me.",
        "parser", "fallback: '{\"verdict\": \"parsed from: {input}\"}'");
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.of("check it"), log);

    assertThat(log.names()).containsExactly("RunStarted", "ModelRequestStarted", "RunContent*",
        "ModelRequestCompleted", "ParserModelResponseStarted", "RunContent*", "ParserModelResponseCompleted",
        "RunContentCompleted", "RunCompleted");
    RunEvent.RunContent last = log.of(RunEvent.RunContent.class).getLast();
    assertThat(last.contentType()).isEqualTo("Verdict");
    assertThat(last.content()).hasToString("{\"verdict\":\"parsed from: It looks fine to me.\"}");
    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.contentType()).isEqualTo("Verdict");
    assertThat(out.content()).hasToString("{\"verdict\":\"parsed from: It looks fine to me.\"}");
    // Agno keeps the parser's answer in the run's messages
    assertThat(out.messages()).extracting(m -> m.message().role())
        .containsExactly(Role.USER, Role.ASSISTANT, Role.ASSISTANT);
    assertThat(out.metrics().outputTokens()).isGreaterThan(5);
  }

  @Test
  void a_parser_answer_that_does_not_match_is_corrected_once_then_fails_the_run() {
    Engine engine = engine(SCHEMA + "parser_model: parser\n", "fallback: fine", "parser", "fallback: not json");

    RunOutput out = engine.run("agent", RunRequest.of("check it"), new EventLog());

    assertThat(out.status()).isEqualTo(RunStatus.ERROR);
    assertThat((String) out.content()).startsWith("the parser model's answer did not match output_schema");
  }

  @Test
  void the_output_model_writes_the_final_answer_and_the_main_answer_is_intermediate() {
    Engine engine = engine("output_model: writer\noutput_model_prompt: Write it nicely.\n",
        "fallback: raw notes", "writer", "fallback: 'Polished answer to {input}'");
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.of("the question"), log);

    assertThat(log.names()).containsExactly("RunStarted", "ModelRequestStarted", "RunIntermediateContent",
        "ModelRequestCompleted", "OutputModelResponseStarted", "RunContent*", "OutputModelResponseCompleted",
        "RunContentCompleted", "RunCompleted");
    assertThat(log.of(RunEvent.RunIntermediateContent.class)).extracting(RunEvent.RunIntermediateContent::content)
        .containsExactly("raw notes");
    assertThat(String.join("", log.of(RunEvent.RunContent.class).stream().map(e -> (String) e.content()).toList()))
        .isEqualTo("Polished answer to the question");
    assertThat(out.content()).isEqualTo("Polished answer to the question");
  }

  @Test
  void with_an_output_schema_the_output_model_gives_the_structured_answer() {
    Engine engine = engine(SCHEMA + "output_model: writer\n", "fallback: raw notes", "writer",
        "fallback: '{\"verdict\": \"ok\"}'");

    RunOutput out = engine.run("agent", RunRequest.of("q"), new EventLog());

    assertThat(out.contentType()).isEqualTo("Verdict");
    assertThat(out.content()).hasToString("{\"verdict\":\"ok\"}");
  }

  @Test
  void parse_response_false_keeps_the_answer_as_written() {
    Engine engine = engine(SCHEMA + "parse_response: false\n", "fallback: '{\"verdict\":  \"yes\"}'", "unused",
        "fallback: x");

    RunOutput out = engine.run("agent", RunRequest.of("q"), new EventLog());

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.contentType()).isEqualTo("str");
    assertThat(out.content()).isEqualTo("{\"verdict\":  \"yes\"}");
  }

  @Test
  void json_mode_puts_the_schema_in_the_system_message() {
    Engine engine = engine(SCHEMA + "use_json_mode: true\n", "fallback: '{\"verdict\": \"y\"}'", "unused",
        "fallback: x");

    RunOutput out = engine.run("agent", RunRequest.of("q"), new EventLog());

    String system = out.messages().getFirst().message().content();
    assertThat(system).contains("Provide your output as a JSON containing the following fields:")
        .contains("\"verdict\"").contains("Start your response with `{` and end it with `}`.");
  }

  @Test
  void save_response_to_file_writes_the_answer_with_sanitized_placeholders() throws Exception {
    Engine engine = engine("save_response_to_file: out/{session_id}-{message}.md\n", "fallback: Saved text.",
        "unused", "fallback: x");

    RunOutput out = engine.run("agent", RunRequest.create(r -> r.input("../up").sessionId("s1")), new EventLog());

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(Files.readString(dir.resolve("out/s1-__up.md"))).isEqualTo("Saved text.");
  }

  @Test
  void long_tool_results_are_compressed_before_the_next_model_request() {
    String longText = "word ".repeat(400);
    Engine engine = engine("""
        compress_tool_results: true
        compression_manager:
          model: squeezer
          compress_tool_results_limit: 1
          compress_tool_call_instructions: Keep only the count.
        tools:
          - builtin: file
            options: {root: .}
        """, """
        turns:
          - tool_calls:
              - {name: read_file, arguments: {path: long.txt}}
          - content: 'The model read: {tool_result}'
        """, "squeezer", "fallback: 400 words");
    writeLong(longText);
    EventLog log = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.of("read it"), log);

    assertThat(out.content()).isEqualTo("The model read: 400 words");
    assertThat(log.names()).containsSubsequence("ToolCallCompleted", "CompressionStarted", "CompressionCompleted",
        "ModelRequestStarted");
    RunEvent.CompressionCompleted done = log.of(RunEvent.CompressionCompleted.class).getFirst();
    assertThat(done.toolResultsCompressed()).isEqualTo(1);
    assertThat(done.originalSize()).isEqualTo(longText.length());
    assertThat(done.compressedSize()).isEqualTo("400 words".length());
    RunMessage tool = out.messages().stream().filter(m -> m.message().role() == Role.TOOL).findFirst().orElseThrow();
    assertThat(tool.message().content()).isEqualTo(longText); // stored as it was, the short form beside it
    assertThat(tool.compressedContent()).isEqualTo("400 words");
    List<ChatMessage> wire = ChatMessage.listOf(out);
    assertThat(wire).filteredOn(m -> m.role().equals("tool")).singleElement()
        .extracting(ChatMessage::compressedContent).isEqualTo("400 words");
  }

  @Test
  void below_the_limit_nothing_is_compressed() {
    Engine engine = engine("""
        compress_tool_results: true
        compression_manager: {model: squeezer}
        tools:
          - builtin: file
            options: {root: .}
        """, """
        turns:
          - tool_calls:
              - {name: read_file, arguments: {path: long.txt}}
          - content: 'done'
        """, "squeezer", "fallback: short");
    writeLong("abc");
    EventLog log = new EventLog();

    engine.run("agent", RunRequest.of("read it"), log);

    assertThat(log.of(RunEvent.CompressionStarted.class)).isEmpty();
  }

  private void writeLong(String text) {
    try {
      Files.writeString(dir.resolve("long.txt"), text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
