package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.StubProvider;
import dev.agentry.engine.llm.StubProvider.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic extended thinking ({@code thinking} on the Model) in a tool loop, over the real Messages wire format
 * against a local stub: the request asks for thinking, and the signed thinking blocks (and redacted ones) of the turn
 * that called a tool go back unchanged, before its tool_use, as Anthropic requires.
 */
class AnthropicThinkingTest {
  private static final String SIGNATURE = "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds";
  private static final String THINK_THEN_CALL = """
      event: message_start
      data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5","usage":{"input_tokens":40,"output_tokens":1}}}

      event: content_block_start
      data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"","signature":""}}

      event: content_block_delta
      data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"I should add"}}

      event: content_block_delta
      data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":" 2 and 3."}}

      event: content_block_delta
      data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"%s"}}

      event: content_block_stop
      data: {"type":"content_block_stop","index":0}

      event: content_block_start
      data: {"type":"content_block_start","index":1,"content_block":{"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix"}}

      event: content_block_stop
      data: {"type":"content_block_stop","index":1}

      event: content_block_start
      data: {"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"toolu_1","name":"add","input":{}}}

      event: content_block_delta
      data: {"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\\"a\\": 2, \\"b\\": 3}"}}

      event: content_block_stop
      data: {"type":"content_block_stop","index":2}

      event: message_delta
      data: {"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":90}}

      event: message_stop
      data: {"type":"message_stop"}

      """.formatted(SIGNATURE);

  @TempDir Path dir;
  private final StubProvider stub = StubProvider.start();

  @AfterEach
  void stop() {
    stub.close();
  }

  private Engine engine() {
    return Engine.create(Specs.compile(dir, Specs.HEADER + """
        kind: Agent
        metadata: {name: agent}
        spec:
          model: claude
          tools: [{builtin: calculator, include_tools: [add]}]
        ---
        """ + Specs.HEADER + """
        kind: Model
        metadata: {name: claude}
        spec:
          provider: anthropic
          id: claude-sonnet-4-5
          api_key: sk-ant-test
          max_retries: 0
          max_tokens: 4096
          thinking: {type: enabled, budget_tokens: 2048}
          base_url: %s
        """.formatted(stub.baseUrl())));
  }

  @Test
  void signed_thinking_blocks_are_sent_back_unchanged_in_a_tool_loop() {
    stub.reply(Reply.sse(THINK_THEN_CALL), Reply.sse(StubProvider.fixture("llm/anthropic/text.sse")));

    RunOutput out = engine().run("agent", RunRequest.of("what is 2 + 3?"), new EventLog());

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.reasoningContent()).isEqualTo("I should add 2 and 3.");
    JsonNode first = stub.requests().get(0).json();
    assertThat(first.path("thinking").path("type").asString()).isEqualTo("enabled");
    assertThat(first.path("thinking").path("budget_tokens").asInt()).isEqualTo(2048);

    JsonNode messages = stub.requests().get(1).json().path("messages");
    JsonNode assistant = messages.get(1);
    assertThat(assistant.path("role").asString()).isEqualTo("assistant");
    JsonNode blocks = assistant.path("content");
    assertThat(blocks).hasSize(3);
    assertThat(blocks.get(0).path("type").asString()).isEqualTo("thinking");
    assertThat(blocks.get(0).path("thinking").asString()).isEqualTo("I should add 2 and 3.");
    assertThat(blocks.get(0).path("signature").asString()).isEqualTo(SIGNATURE);
    assertThat(blocks.get(1).path("type").asString()).isEqualTo("redacted_thinking");
    assertThat(blocks.get(1).path("data").asString()).isEqualTo("EmwKAhgBEgy3va3pzix");
    assertThat(blocks.get(2).path("type").asString()).isEqualTo("tool_use");
    assertThat(blocks.get(2).path("id").asString()).isEqualTo("toolu_1");
    assertThat(messages.get(2).path("content").get(0).path("type").asString()).isEqualTo("tool_result");
  }

  @Test
  void a_whole_answer_keeps_its_blocks_as_written() {
    stub.reply(Reply.json("""
        {"id": "msg_2", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
         "content": [
           {"type": "thinking", "thinking": "Add them.", "signature": "%s"},
           {"type": "redacted_thinking", "data": "EmwKAhgBEgy3va3pzix"},
           {"type": "tool_use", "id": "toolu_2", "name": "add", "input": {"a": 2, "b": 3}}],
         "stop_reason": "tool_use", "usage": {"input_tokens": 40, "output_tokens": 30}}""".formatted(SIGNATURE)),
        Reply.json(StubProvider.fixture("llm/anthropic/text.json")));

    RunOutput out = engine().run("agent", RunRequest.create(r -> r.input("what is 2 + 3?").stream(false)),
        new EventLog());

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    JsonNode blocks = stub.requests().get(1).json().path("messages").get(1).path("content");
    assertThat(blocks.get(0).toString()).isEqualTo(
        "{\"type\":\"thinking\",\"thinking\":\"Add them.\",\"signature\":\"" + SIGNATURE + "\"}");
    assertThat(blocks.get(1).toString()).isEqualTo("{\"type\":\"redacted_thinking\",\"data\":\"EmwKAhgBEgy3va3pzix\"}");
    assertThat(blocks.get(2).path("type").asString()).isEqualTo("tool_use");
  }
}
