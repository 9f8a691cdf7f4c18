package dev.agentry.engine.llm.openai;

import static dev.agentry.engine.llm.StubProvider.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.RecordingListener;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.llm.StubProvider;
import dev.agentry.engine.llm.StubProvider.Reply;
import dev.agentry.engine.llm.TestModels;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.llm.Usage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads OpenAI Chat Completions answers, whole and streamed, as the API documents them. */
class OpenAiChatModelTest {
  private final StubProvider stub = StubProvider.start();
  private final OpenAiChatModel model = OpenAiChatModel.create(
      TestModels.at(stub, "sk-test").resource("fast", "openai", "gpt-4o-mini"), TestModels.HTTP, name -> null);

  @AfterEach
  void stop() {
    stub.close();
  }

  private ChatResponse ask(boolean stream, StreamListener listener) {
    return model.chat(new ChatRequest(List.of(Message.user("Hello")), List.of(), null, null, stream,
        Cancellation.NONE), listener);
  }

  @Test
  void reads_a_plain_text_answer_with_its_usage() {
    stub.reply(Reply.json(fixture("llm/openai/text.json")));

    ChatResponse response = ask(false, StreamListener.NONE);

    assertThat(response.content()).isEqualTo("Hello! How can I assist you today?");
    assertThat(response.toolCalls()).isEmpty();
    assertThat(response.finishReason()).isEqualTo("stop");
    assertThat(response.refusal()).isNull();
    assertThat(response.usage()).isEqualTo(new Usage(19, 10, 29, 0, 0, 0));
  }

  @Test
  void streams_text_deltas_in_order_and_assembles_the_answer() {
    stub.reply(Reply.sse(fixture("llm/openai/text.sse")));
    RecordingListener listener = new RecordingListener();

    ChatResponse response = ask(true, listener);

    assertThat(listener.deltas()).containsExactly(
        "content:Hello", "content:!", "content: How can I", "content: help you today?");
    assertThat(response.content()).isEqualTo("Hello! How can I help you today?");
    assertThat(response.finishReason()).isEqualTo("stop");
    assertThat(response.usage()).isEqualTo(new Usage(19, 10, 29, 3, 0, 0));
    assertThat(stub.lastRequest().json().path("stream").asBoolean()).isTrue();
    assertThat(stub.lastRequest().json().path("stream_options").path("include_usage").asBoolean()).isTrue();
  }

  @Test
  void reads_cached_and_reasoning_tokens_from_usage_details() {
    stub.reply(Reply.json(fixture("llm/openai/reasoning-usage.json")));

    assertThat(ask(false, StreamListener.NONE).usage()).isEqualTo(new Usage(2006, 300, 2306, 1920, 0, 192));
  }

  @Test
  void reads_one_tool_call() {
    stub.reply(Reply.json(fixture("llm/openai/tool-call.json")));

    ChatResponse response = ask(false, StreamListener.NONE);

    assertThat(response.content()).isNull();
    assertThat(response.finishReason()).isEqualTo("tool_calls");
    assertThat(response.toolCalls()).containsExactly(
        new ToolCall("call_abc123", "get_current_weather", "{\n\"location\": \"Boston, MA\"\n}"));
  }

  @Test
  void reads_parallel_tool_calls_in_order() {
    stub.reply(Reply.json(fixture("llm/openai/parallel-tool-calls.json")));

    assertThat(ask(false, StreamListener.NONE).toolCalls()).extracting(ToolCall::id, ToolCall::arguments)
        .containsExactly(
            tuple("call_Dn2RJJSxzDm49vlVTehseJ0k",
                "{\"location\": \"San Francisco, CA\", \"unit\": \"celsius\"}"),
            tuple("call_Sbf2bbwnGn6QmDSLuZTQBbBt",
                "{\"location\": \"Tokyo\", \"unit\": \"celsius\"}"));
  }

  @Test
  void streams_tool_call_arguments_split_across_chunks() {
    stub.reply(Reply.sse(fixture("llm/openai/tool-call.sse")));
    RecordingListener listener = new RecordingListener();

    ChatResponse response = ask(true, listener);

    assertThat(response.toolCalls()).containsExactly(new ToolCall("call_DdmO9pD3xa9XTPNJ32zg2hcA",
        "get_current_weather", "{\"location\":\"Paris, France\",\"unit\":\"celsius\"}"));
    assertThat(response.content()).isNull();
    assertThat(response.finishReason()).isEqualTo("tool_calls");
    assertThat(response.usage()).isEqualTo(new Usage(82, 17, 99, 0, 0, 0));
    assertThat(listener.deltas()).isEmpty();
  }

  @Test
  void streams_parallel_tool_calls_one_after_the_other() {
    stub.reply(Reply.sse(fixture("llm/openai/parallel-tool-calls.sse")));

    assertThat(ask(true, StreamListener.NONE).toolCalls()).containsExactly(
        new ToolCall("call_Dn2RJJSxzDm49vlVTehseJ0k", "get_current_weather", "{\"location\": \"San Francisco, CA\"}"),
        new ToolCall("call_Sbf2bbwnGn6QmDSLuZTQBbBt", "get_current_time", "{\"timezone\": \"Asia/Tokyo\"}"));
  }

  @Test
  void streams_interleaved_tool_calls_by_index() {
    stub.reply(Reply.sse(fixture("llm/openai/interleaved-tool-calls.sse")));

    ChatResponse response = ask(true, StreamListener.NONE);

    assertThat(response.toolCalls()).containsExactly(
        new ToolCall("call_a", "get_current_weather", "{\"location\":\"Oslo\"}"),
        new ToolCall("call_b", "get_current_time", "{\"timezone\":\"Europe/Oslo\"}"));
    assertThat(response.usage()).isEqualTo(Usage.NONE);
  }

  @Test
  void reads_a_refusal_whole_and_streamed() {
    stub.reply(Reply.json(fixture("llm/openai/refusal.json")), Reply.sse(fixture("llm/openai/refusal.sse")));
    RecordingListener listener = new RecordingListener();

    ChatResponse whole = ask(false, StreamListener.NONE);
    ChatResponse streamed = ask(true, listener);

    assertThat(whole.refusal()).isEqualTo("I'm sorry, I cannot assist with that request.");
    assertThat(whole.content()).isNull();
    assertThat(streamed.refusal()).isEqualTo("I'm sorry, I cannot assist with that request.");
    assertThat(streamed.content()).isNull();
    assertThat(listener.deltas()).isEmpty();
  }

  @Test
  void reads_deepseek_reasoning_content_whole_and_streamed() {
    stub.reply(Reply.json(fixture("llm/openai/deepseek-reasoning.json")),
        Reply.sse(fixture("llm/openai/deepseek-reasoning.sse")));
    RecordingListener listener = new RecordingListener();

    ChatResponse whole = ask(false, StreamListener.NONE);
    ChatResponse streamed = ask(true, listener);

    assertThat(whole.reasoningContent()).isEqualTo("Compare the tenths: 1 is less than 8.");
    assertThat(whole.content()).isEqualTo("9.11 is smaller than 9.8.");
    assertThat(listener.deltas()).containsExactly("reasoning:Compare the tenths:", "reasoning: 1 is less than 8.",
        "content:9.11 is smaller", "content: than 9.8.");
    assertThat(streamed.reasoningContent()).isEqualTo(whole.reasoningContent());
    assertThat(streamed.content()).isEqualTo(whole.content());
    assertThat(streamed.usage().reasoningTokens()).isEqualTo(98);
  }

  @Test
  void reads_reasoning_deltas_that_servers_name_reasoning() {
    stub.reply(Reply.sse("""
        data: {"choices":[{"index":0,"delta":{"reasoning":"Thinking."}}]}

        data: {"choices":[{"index":0,"delta":{"content":"Done."},"finish_reason":"stop"}]}

        """));
    RecordingListener listener = new RecordingListener();

    ChatResponse response = ask(true, listener);

    assertThat(listener.deltas()).containsExactly("reasoning:Thinking.", "content:Done.");
    assertThat(response.reasoningContent()).isEqualTo("Thinking.");
    assertThat(response.content()).as("a stream that ends after its finish reason without [DONE] is complete")
        .isEqualTo("Done.");
  }
}
