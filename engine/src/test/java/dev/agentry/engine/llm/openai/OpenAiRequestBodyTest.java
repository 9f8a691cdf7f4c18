package dev.agentry.engine.llm.openai;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Sends requests in OpenAI's wire format: the JSON body, the URL and the headers each provider expects. */
class OpenAiRequestBodyTest {
  private static final ToolCall CALL = new ToolCall("call_1", "get_weather", "{\"city\":\"Oslo\"}");
  private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Current weather of a city",
      Json.MAPPER.readTree("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"));

  private final StubProvider stub = StubProvider.start();

  @AfterEach
  void stop() {
    stub.close();
  }

  private StubProvider.Recorded send(ModelDef def, ChatRequest request) {
    stub.reply(request.stream()
        ? Reply.sse(fixture("llm/openai/text.sse"))
        : Reply.json(fixture("llm/openai/text.json")));
    OpenAiChatModel.create(def, TestModels.HTTP, name -> null).chat(request, StreamListener.NONE);
    return stub.lastRequest();
  }

  private static ChatRequest conversation(JsonNode toolChoice, ResponseFormat format) {
    return new ChatRequest(List.of(
        Message.system("Be brief."),
        Message.user("Weather in Oslo?"),
        Message.assistant(null, "thinking it over", List.of(CALL)),
        Message.tool(CALL, "{\"temp\":3}", false),
        Message.assistant("It is 3 degrees.", null, List.of())),
        List.of(WEATHER), toolChoice, format, false, Cancellation.NONE);
  }

  @Test
  void create_matches_the_chat_model_factory_port() {
    ChatModelFactory factory = OpenAiChatModel::create;

    ChatModel model = factory.create(ModelDef.of("deepseek:deepseek-chat"), TestModels.HTTP, name -> null);

    assertThat(model.provider()).isEqualTo("deepseek");
    assertThat(model.id()).isEqualTo("deepseek-chat");
  }

  @Test
  void json_mode_asks_for_a_json_object_without_the_schema() {
    ResponseFormat format = new ResponseFormat("answer", Json.MAPPER.readTree("{\"type\":\"object\"}"), true);

    JsonNode body = send(TestModels.at(stub, "sk-test").resource("fast", "openai", "gpt-4o-mini"),
        new ChatRequest(List.of(Message.user("Hi")), List.of(), null, format, false, Cancellation.NONE)).json();

    assertThat(body.get("response_format")).isEqualTo(Json.MAPPER.readTree("{\"type\": \"json_object\"}"));
  }

  @Test
  void sends_messages_tools_tool_choice_and_response_format() {
    JsonNode choice = Json.MAPPER.readTree("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");
    ResponseFormat format = new ResponseFormat("answer", Json.MAPPER.readTree("{\"type\":\"object\"}"));

    JsonNode body = send(TestModels.at(stub, "sk-test").resource("fast", "openai", "gpt-4o-mini"),
        conversation(choice, format)).json();

    assertThat(body).isEqualTo(Json.MAPPER.readTree("""
        {
          "model": "gpt-4o-mini",
          "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Weather in Oslo?"},
            {"role": "assistant", "content": null, "tool_calls": [
              {"id": "call_1", "type": "function",
               "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Oslo\\"}"}}]},
            {"role": "tool", "tool_call_id": "call_1", "content": "{\\"temp\\":3}"},
            {"role": "assistant", "content": "It is 3 degrees."}
          ],
          "tools": [{"type": "function", "function": {"name": "get_weather",
            "description": "Current weather of a city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}],
          "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
          "response_format": {"type": "json_schema",
            "json_schema": {"name": "answer", "strict": false, "schema": {"type": "object"}}}
        }
        """));
  }

  @Test
  void sends_the_developer_role_of_system_message_role_as_written() {
    ChatRequest request = ChatRequest.of(List.of(Message.system("Be brief.").withRole(Role.DEVELOPER),
        Message.user("Hi")));

    JsonNode body = send(TestModels.at(stub, "sk-test").resource("fast", "openai", "o3-mini"), request).json();

    assertThat(body.get("messages")).isEqualTo(Json.MAPPER.readTree("""
        [{"role": "developer", "content": "Be brief."}, {"role": "user", "content": "Hi"}]"""));
  }

  @Test
  void sends_settings_then_merges_request_params_last() {
    ModelDef def = TestModels.at(stub, "sk-test").temperature(0.2).topP(0.9).maxTokens(256).stop("END")
        .seed(7).reasoningEffort("low").requestParams(Map.of("temperature", 0.5, "user", "u-1"))
        .resource("fast", "openai", "gpt-4o-mini");

    JsonNode body = send(def, ChatRequest.of(List.of(Message.user("Hi")))).json();

    assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
    assertThat(body.path("user").asString()).isEqualTo("u-1");
    assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
    assertThat(body.path("max_tokens").asInt()).isEqualTo(256);
    assertThat(body.path("stop").toString()).isEqualTo("[\"END\"]");
    assertThat(body.path("seed").asInt()).isEqualTo(7);
    assertThat(body.path("reasoning_effort").asString()).isEqualTo("low");
    assertThat(body.has("tools")).isFalse();
    assertThat(body.has("tool_choice")).isFalse();
  }

  @Test
  void asks_reasoning_models_for_max_completion_tokens() {
    JsonNode body = send(TestModels.at(stub, "sk-test").maxTokens(100).resource("r", "openai", "o3-mini"),
        ChatRequest.of(List.of(Message.user("Hi")))).json();

    assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(100);
    assertThat(body.has("max_tokens")).isFalse();
  }

  @Test
  void leaves_out_tool_choice_when_there_are_no_tools() {
    ChatRequest request = new ChatRequest(List.of(Message.user("Hi")), List.of(),
        JsonNodeFactory.instance.stringNode("auto"), null, false, Cancellation.NONE);

    assertThat(send(TestModels.at(stub, "sk-test").resource("fast", "openai", "gpt-4o-mini"), request).json()
        .has("tool_choice")).isFalse();
  }

  @Test
  void sends_bearer_auth_organization_and_custom_headers_to_chat_completions() {
    ModelDef def = TestModels.at(stub, "sk-test").organization("org-42")
        .headers(Map.of("X-Trace", "abc")).resource("fast", "openai", "gpt-4o-mini");

    StubProvider.Recorded request = send(def, ChatRequest.of(List.of(Message.user("Hi"))));

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.uri()).isEqualTo("/chat/completions");
    assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
    assertThat(request.header("OpenAI-Organization")).isEqualTo("org-42");
    assertThat(request.header("X-Trace")).isEqualTo("abc");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void sends_azure_requests_to_the_deployment_with_an_api_key_header() {
    ModelDef def = TestModels.at(stub, "azure-key").apiVersion("2024-06-01").resource("az", "azure", "my gpt");

    StubProvider.Recorded request = send(def, ChatRequest.of(List.of(Message.user("Hi"))));

    assertThat(request.uri()).isEqualTo("/openai/deployments/my%20gpt/chat/completions?api-version=2024-06-01");
    assertThat(request.header("api-key")).isEqualTo("azure-key");
    assertThat(request.header("Authorization")).isNull();
  }

  @Test
  void uses_the_default_azure_api_version_and_the_azure_key_variable() {
    ModelDef def = TestModels.at(stub, null).resource("az", "azure", "gpt4o");
    stub.reply(Reply.sse(fixture("llm/openai/text.sse")));

    OpenAiChatModel.create(def, TestModels.HTTP, name -> name.equals("AZURE_OPENAI_API_KEY") ? "from-env" : null)
        .chat(ChatRequest.of(List.of(Message.user("Hi"))), StreamListener.NONE);

    assertThat(stub.lastRequest().uri()).endsWith("?api-version=" + OpenAiChatModel.AZURE_DEFAULT_API_VERSION);
    assertThat(stub.lastRequest().header("api-key")).isEqualTo("from-env");
  }

  @Test
  void sends_no_auth_header_to_a_local_server_without_a_key() {
    StubProvider.Recorded request = send(TestModels.at(stub, null).resource("local", "ollama", "llama3.2"),
        ChatRequest.of(List.of(Message.user("Hi"))));

    assertThat(request.header("Authorization")).isNull();
  }

  @Test
  void reads_the_key_of_an_inline_model_from_its_provider_variable() {
    // An inline model goes to the provider's public URL; a resource-less def with a spec points it at the stub.
    ModelDef atStub = new ModelDef(null, "groq", "llama-3.3-70b",
        TestModels.at(stub, null).resource("ignored", "groq", "llama-3.3-70b").spec());
    stub.reply(Reply.sse(fixture("llm/openai/text.sse")));

    OpenAiChatModel.create(atStub, TestModels.HTTP, name -> name.equals("GROQ_API_KEY") ? "gsk-env" : null)
        .chat(ChatRequest.of(List.of(Message.user("Hi"))), StreamListener.NONE);

    assertThat(stub.lastRequest().header("Authorization")).isEqualTo("Bearer gsk-env");
  }
}
