package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.llm.StubProvider;
import dev.agentry.engine.llm.StubProvider.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The run loop over the real OpenAI wire format, against a local stub server. */
class ProviderLoopTest {
  private static final String ADD_CALL = """
      data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"add","arguments":""}}]},"finish_reason":null}]}

      data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"a\\": 2,"}}]},"finish_reason":null}]}

      data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":" \\"b\\": 3}"}}]},"finish_reason":null}]}

      data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

      data: {"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":50,"completion_tokens":10,"total_tokens":60}}

      data: [DONE]

      """;

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
          model: gpt
          tools: [{builtin: calculator, include_tools: [add]}]
        ---
        """ + Specs.HEADER + """
        kind: Model
        metadata: {name: gpt}
        spec:
          provider: openai
          id: gpt-4o-mini
          api_key: sk-test
          max_retries: 0
          base_url: %s
        """.formatted(stub.baseUrl())));
  }

  @Test
  void a_tool_call_round_trip_emits_agnos_event_sequence() {
    stub.reply(Reply.sse(ADD_CALL), Reply.sse(StubProvider.fixture("llm/openai/text.sse")));
    EventLog log = new EventLog();

    RunOutput out = engine().run("agent", RunRequest.of("what is 2 + 3?"), log);

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(log.names()).containsExactly("RunStarted", "ModelRequestStarted", "ModelRequestCompleted",
        "ToolCallStarted", "ToolCallCompleted", "ModelRequestStarted", "RunContent*", "ModelRequestCompleted",
        "RunContentCompleted", "RunCompleted");
    assertThat(out.tools().getFirst().result()).contains("\"result\": 5");
    assertThat(out.metrics().inputTokens()).isGreaterThanOrEqualTo(50);
    assertThat(log.of(RunEvent.ModelRequestCompleted.class).getFirst().inputTokens()).isEqualTo(50);

    JsonNode second = stub.requests().get(1).json();
    JsonNode toolMessage = second.get("messages").get(second.get("messages").size() - 1);
    assertThat(toolMessage.get("role").asString()).isEqualTo("tool");
    assertThat(toolMessage.get("tool_call_id").asString()).isEqualTo("call_1");
    assertThat(second.get("tools").get(0).get("function").get("name").asString()).isEqualTo("add");
  }

  @Test
  void a_rejected_key_ends_the_run_with_a_clear_error() {
    stub.reply(Reply.json(401, StubProvider.fixture("llm/openai/error-401.json")));
    EventLog log = new EventLog();

    RunOutput out = engine().run("agent", RunRequest.of("hi"), log);

    assertThat(out.status()).isEqualTo(RunStatus.ERROR);
    assertThat(out.contentText()).contains("invalid API key for provider openai").doesNotContain("sk-test");
    assertThat(log.names()).containsExactly("RunStarted", "ModelRequestStarted", "RunError");
  }
}
