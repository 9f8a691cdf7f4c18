package dev.agentry.engine.llm.anthropic;

import static dev.agentry.engine.llm.StubProvider.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.llm.ChatModelFactory;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.ResponseFormat;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.llm.StubProvider;
import dev.agentry.engine.llm.StubProvider.Reply;
import dev.agentry.engine.llm.TestModels;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.tool.ToolDefinition;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Sends requests in Anthropic's wire format: the JSON body, the URL and the headers. */
class AnthropicRequestBodyTest {
  private static final ToolCall FIRST = new ToolCall("toolu_1", "get_weather", "{\"city\":\"Oslo\"}");
  private static final ToolCall SECOND = new ToolCall("toolu_2", "get_weather", "not json");
  private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Current weather of a city",
      Json.MAPPER.readTree("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"));
  private static final ResponseFormat ANSWER = new ResponseFormat("answer",
      Json.MAPPER.readTree("{\"type\":\"object\",\"properties\":{\"summary\":{\"type\":\"string\"}}}"));

  private final StubProvider stub = StubProvider.start();

  @AfterEach
  void stop() {
    stub.close();
  }

  private StubProvider.Recorded send(ModelDef def, ChatRequest request) {
    stub.reply(request.stream()
        ? Reply.sse(fixture("llm/anthropic/text.sse"))
        : Reply.json(fixture("llm/anthropic/text.json")));
    AnthropicChatModel.create(def, TestModels.HTTP, name -> null).chat(request, StreamListener.NONE);
    return stub.lastRequest();
  }

  private ModelDef claude() {
    return TestModels.at(stub, "sk-ant-test").resource("claude", "anthropic", "claude-sonnet-4-5");
  }

  private static ChatRequest request(List<ToolDefinition> tools, @Nullable JsonNode choice,
      @Nullable ResponseFormat format) {
    return new ChatRequest(List.of(Message.user("Hi")), tools, choice, format, false, Cancellation.NONE);
  }

  @Test
  void create_matches_the_chat_model_factory_port() {
    ChatModelFactory factory = AnthropicChatModel::create;

    ChatModel model = factory.create(ModelDef.of("anthropic:claude-haiku-4-5"), TestModels.HTTP, name -> null);

    assertThat(model.provider()).isEqualTo("anthropic");
    assertThat(model.id()).isEqualTo("claude-haiku-4-5");
  }

  @Test
  void sends_system_prompt_tool_use_blocks_and_grouped_tool_results() {
    ChatRequest request = new ChatRequest(List.of(
        Message.system("Be brief."),
        Message.user("Weather in Oslo and Bergen?"),
        Message.assistant("Checking.", "hidden reasoning", List.of(FIRST, SECOND)),
        Message.tool(FIRST, "{\"temp\":3}", false),
        Message.tool(SECOND, "invalid arguments", true),
        Message.system("Answer in English."),
        Message.assistant("3 degrees in Oslo.", null, List.of())),
        List.of(WEATHER), null, null, false, Cancellation.NONE);

    JsonNode body = send(claude(), request).json();

    assertThat(body).isEqualTo(Json.MAPPER.readTree("""
        {
          "model": "claude-sonnet-4-5",
          "max_tokens": 4096,
          "system": "Be brief.\\n\\nAnswer in English.",
          "messages": [
            {"role": "user", "content": "Weather in Oslo and Bergen?"},
            {"role": "assistant", "content": [
              {"type": "text", "text": "Checking."},
              {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"city": "Oslo"}},
              {"type": "tool_use", "id": "toolu_2", "name": "get_weather", "input": {}}]},
            {"role": "user", "content": [
              {"type": "tool_result", "tool_use_id": "toolu_1", "content": "{\\"temp\\":3}"},
              {"type": "tool_result", "tool_use_id": "toolu_2", "content": "invalid arguments", "is_error": true}]},
            {"role": "assistant", "content": [{"type": "text", "text": "3 degrees in Oslo."}]}
          ],
          "tools": [{"name": "get_weather", "description": "Current weather of a city",
            "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}}]
        }
        """));
  }

  @Test
  void sends_a_developer_message_as_the_system_prompt() {
    ChatRequest request = ChatRequest.of(List.of(Message.system("Be brief.").withRole(Role.DEVELOPER),
        Message.user("Hi")));

    JsonNode body = send(claude(), request).json();

    assertThat(body.path("system").asString()).isEqualTo("Be brief.");
    assertThat(body.get("messages")).isEqualTo(Json.MAPPER.readTree("""
        [{"role": "user", "content": "Hi"}]"""));
  }

  @Test
  void maps_agno_tool_choice_to_anthropic_tool_choice() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    JsonNode named = Json.MAPPER.readTree("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");

    assertThat(send(claude(), request(List.of(WEATHER), nodes.stringNode("auto"), null)).json().get("tool_choice"))
        .isEqualTo(Json.MAPPER.readTree("{\"type\":\"auto\"}"));
    assertThat(send(claude(), request(List.of(WEATHER), nodes.stringNode("required"), null)).json()
        .get("tool_choice")).isEqualTo(Json.MAPPER.readTree("{\"type\":\"any\"}"));
    assertThat(send(claude(), request(List.of(WEATHER), nodes.stringNode("none"), null)).json().get("tool_choice"))
        .isEqualTo(Json.MAPPER.readTree("{\"type\":\"none\"}"));
    assertThat(send(claude(), request(List.of(WEATHER), named, null)).json().get("tool_choice"))
        .isEqualTo(Json.MAPPER.readTree("{\"type\":\"tool\",\"name\":\"get_weather\"}"));
    assertThat(send(claude(), request(List.of(), nodes.stringNode("auto"), null)).json().has("tool_choice"))
        .isFalse();
  }

  @Test
  void asks_for_a_response_format_through_a_forced_tool() {
    JsonNode body = send(claude(), request(List.of(), null, ANSWER)).json();

    assertThat(body.get("tools")).isEqualTo(Json.MAPPER.readTree("""
        [{"name": "answer",
          "description": "Give your final answer by calling this tool: its input is the answer.",
          "input_schema": {"type": "object", "properties": {"summary": {"type": "string"}}}}]
        """));
    assertThat(body.get("tool_choice")).isEqualTo(Json.MAPPER.readTree("{\"type\":\"tool\",\"name\":\"answer\"}"));
  }

  @Test
  void beside_other_tools_a_response_format_requires_some_tool_call() {
    JsonNode body = send(claude(), request(List.of(WEATHER), null, ANSWER)).json();

    assertThat(body.get("tools").get(1).path("name").asString()).isEqualTo("answer");
    assertThat(body.get("tool_choice")).isEqualTo(Json.MAPPER.readTree("{\"type\":\"any\"}"));
  }

  @Test
  void sends_settings_then_merges_request_params_last() {
    ModelDef def = TestModels.at(stub, "sk-ant-test").temperature(0.3).topP(0.8).maxTokens(1024)
        .stop("END", "STOP").requestParams(Map.of("top_k", 5, "metadata", Map.of("user_id", "u-1")))
        .resource("claude", "anthropic", "claude-sonnet-4-5");

    JsonNode body = send(def, ChatRequest.of(List.of(Message.user("Hi")))).json();

    assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
    assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
    assertThat(body.path("top_p").asDouble()).isEqualTo(0.8);
    assertThat(body.path("stop_sequences").toString()).isEqualTo("[\"END\",\"STOP\"]");
    assertThat(body.path("top_k").asInt()).isEqualTo(5);
    assertThat(body.path("metadata").path("user_id").asString()).isEqualTo("u-1");
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.has("system")).isFalse();
  }

  @Test
  void sends_the_key_version_and_custom_headers_to_v1_messages() {
    ModelDef def = TestModels.at(stub, "sk-ant-test").headers(Map.of("anthropic-beta", "tools-2024-05-16"))
        .resource("claude", "anthropic", "claude-sonnet-4-5");

    StubProvider.Recorded request = send(def, request(List.of(), null, null));

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri()).isEqualTo("/v1/messages");
    assertThat(stub.requests()).hasSize(1);
    assertThat(request.header("x-api-key")).isEqualTo("sk-ant-test");
    assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(request.header("anthropic-beta")).isEqualTo("tools-2024-05-16");
    assertThat(request.header("content-type")).isEqualTo("application/json");
    assertThat(request.header("authorization")).isNull();
  }
}
