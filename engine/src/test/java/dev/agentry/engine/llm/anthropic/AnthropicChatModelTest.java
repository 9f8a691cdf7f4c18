package dev.agentry.engine.llm.anthropic;

import static dev.agentry.engine.llm.StubProvider.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.RecordingListener;
import dev.agentry.engine.llm.ResponseFormat;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.llm.StubProvider;
import dev.agentry.engine.llm.StubProvider.Reply;
import dev.agentry.engine.llm.TestModels;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.llm.Usage;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads Anthropic Messages answers, whole and streamed, as the API documents them. */
class AnthropicChatModelTest {
  private static final ResponseFormat ANSWER = new ResponseFormat("answer", Json.MAPPER.readTree(
      "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"temperature\":{\"type\":\"number\"}}}"));

  private final StubProvider stub = StubProvider.start();
  private final AnthropicChatModel model = AnthropicChatModel.create(
      TestModels.at(stub, "sk-ant-test").resource("claude", "anthropic", "claude-sonnet-4-5"), TestModels.HTTP,
      name -> null);

  @AfterEach
  void stop() {
    stub.close();
  }

  private ChatResponse ask(boolean stream, StreamListener listener) {
    return ask(stream, listener, null);
  }

  private ChatResponse ask(boolean stream, StreamListener listener, @Nullable ResponseFormat format) {
    return model.chat(new ChatRequest(List.of(Message.user("Hello")), List.of(), null, format, stream,
        Cancellation.NONE), listener);
  }

  @Test
  void reads_a_plain_text_answer_with_its_cache_usage() {
    stub.reply(Reply.json(fixture("llm/anthropic/text.json")));

    ChatResponse response = ask(false, StreamListener.NONE);

    assertThat(response.content()).isEqualTo("Hi! My name is Claude.");
    assertThat(response.finishReason()).isEqualTo("end_turn");
    assertThat(response.toolCalls()).isEmpty();
    assertThat(response.usage()).isEqualTo(new Usage(2095, 503, 2598, 1800, 120, 0));
  }

  @Test
  void streams_text_deltas_in_order_and_assembles_the_answer() {
    stub.reply(Reply.sse(fixture("llm/anthropic/text.sse")));
    RecordingListener listener = new RecordingListener();

    ChatResponse response = ask(true, listener);

    assertThat(listener.deltas()).containsExactly("content:Hello", "content:!", "content: How can I", "content: help?");
    assertThat(response.content()).isEqualTo("Hello! How can I help?");
    assertThat(response.finishReason()).isEqualTo("end_turn");
    assertThat(response.usage()).as("input from message_start, output from message_delta")
        .isEqualTo(new Usage(25, 15, 40, 10, 5, 0));
    assertThat(stub.lastRequest().json().path("stream").asBoolean()).isTrue();
  }

  @Test
  void reads_one_tool_call_beside_text() {
    stub.reply(Reply.json(fixture("llm/anthropic/tool-use.json")));

    ChatResponse response = ask(false, StreamListener.NONE);

    assertThat(response.content()).isEqualTo("I'll check the current weather in San Francisco for you.");
    assertThat(response.finishReason()).isEqualTo("tool_use");
    assertThat(response.toolCalls()).containsExactly(new ToolCall("toolu_01A09q90qw90lq917835lq9", "get_weather",
        "{\"location\":\"San Francisco, CA\",\"unit\":\"celsius\"}"));
  }

  @Test
  void reads_parallel_tool_calls_in_order() {
    stub.reply(Reply.json(fixture("llm/anthropic/parallel-tool-use.json")));

    assertThat(ask(false, StreamListener.NONE).toolCalls()).containsExactly(
        new ToolCall("toolu_01", "get_weather", "{\"location\":\"San Francisco, CA\"}"),
        new ToolCall("toolu_02", "get_time", "{\"timezone\":\"America/Los_Angeles\"}"));
  }

  @Test
  void streams_tool_input_split_across_input_json_deltas() {
    stub.reply(Reply.sse(fixture("llm/anthropic/tool-use.sse")));
    RecordingListener listener = new RecordingListener();

    ChatResponse response = ask(true, listener);

    assertThat(response.toolCalls()).containsExactly(new ToolCall("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "get_weather",
        "{\"location\": \"San Francisco, CA\", \"unit\": \"fahrenheit\"}"));
    assertThat(response.content()).isEqualTo("Okay, let's check the weather for San Francisco, CA:");
    assertThat(listener.content()).containsExactly("Okay", ",", " let's check the weather for San Francisco, CA:");
    assertThat(response.finishReason()).isEqualTo("tool_use");
    assertThat(response.usage()).isEqualTo(new Usage(472, 89, 561, 0, 0, 0));
  }

  @Test
  void streams_parallel_tool_calls_per_block_including_one_without_input() {
    stub.reply(Reply.sse(fixture("llm/anthropic/parallel-tool-use.sse")));

    ChatResponse response = ask(true, StreamListener.NONE);

    assertThat(response.content()).isNull();
    assertThat(response.toolCalls()).containsExactly(
        new ToolCall("toolu_01", "get_weather", "{\"location\": \"Paris\"}"),
        new ToolCall("toolu_02", "get_time", "{\"timezone\": \"Europe/Paris\"}"),
        new ToolCall("toolu_03", "list_alerts", "{}"));
  }

  @Test
  void reads_thinking_as_reasoning_whole_and_streamed() {
    stub.reply(Reply.json(fixture("llm/anthropic/thinking.json")), Reply.sse(fixture("llm/anthropic/thinking.sse")));
    RecordingListener listener = new RecordingListener();

    ChatResponse whole = ask(false, StreamListener.NONE);
    ChatResponse streamed = ask(true, listener);

    assertThat(whole.reasoningContent()).isEqualTo("27 * 453 = 27 * 400 + 27 * 53 = 10800 + 1431 = 12231.");
    assertThat(whole.content()).isEqualTo("27 * 453 = 12,231");
    assertThat(listener.deltas()).containsExactly("reasoning:27 * 453 = 27 * 400 + 27 * 53.",
        "reasoning: That is 12231.", "content:27 * 453 = 12,231");
    assertThat(streamed.reasoningContent()).isEqualTo("27 * 453 = 27 * 400 + 27 * 53. That is 12231.");
    assertThat(streamed.content()).isEqualTo("27 * 453 = 12,231");
  }

  @Test
  void returns_the_response_format_tool_input_as_content_not_as_a_tool_call() {
    stub.reply(Reply.json(fixture("llm/anthropic/structured.json")),
        Reply.sse(fixture("llm/anthropic/structured.sse")));
    RecordingListener listener = new RecordingListener();

    ChatResponse whole = ask(false, StreamListener.NONE, ANSWER);
    ChatResponse streamed = ask(true, listener, ANSWER);

    assertThat(whole.content()).isEqualTo("{\"city\":\"Oslo\",\"temperature\":3}");
    assertThat(whole.toolCalls()).isEmpty();
    assertThat(streamed.content()).isEqualTo("{\"city\": \"Oslo\", \"temperature\": 3}");
    assertThat(streamed.toolCalls()).isEmpty();
    assertThat(listener.content()).containsExactly("{\"city\": \"Os", "lo\", \"temperature\": 3}");
  }
}
