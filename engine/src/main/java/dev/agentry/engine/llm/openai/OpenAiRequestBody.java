package dev.agentry.engine.llm.openai;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.ResponseFormat;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.spec.ModelSpec;
import dev.agentry.engine.tool.ToolDefinition;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON body of a Chat Completions request, built from a {@link ChatRequest} and the model's settings. */
final class OpenAiRequestBody {
  /** Reasoning models reject {@code max_tokens} and want {@code max_completion_tokens} instead. */
  private static final List<String> COMPLETION_TOKEN_MODELS = List.of("o1", "o3", "o4", "gpt-5");

  private OpenAiRequestBody() {}

  static ObjectNode of(ModelDef model, ChatRequest request) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("model", model.modelId());
    ArrayNode messages = body.putArray("messages");
    request.messages().forEach(message -> messages.add(message(message)));
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ToolDefinition tool : request.tools()) {
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", tool.name()).put("description", tool.description()).set("parameters", tool.parameters());
      }
      // Agno's tool_choice is OpenAI's; OpenAI rejects a tool_choice without tools, hence inside this branch.
      if (request.toolChoice() != null) {
        body.set("tool_choice", request.toolChoice());
      }
    }
    ResponseFormat format = request.responseFormat();
    if (format != null && format.jsonMode()) {
      body.putObject("response_format").put("type", "json_object"); // Implements use_json_mode.
    } else if (format != null) {
      ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
      // strict: false, because strict mode rejects ordinary schemas (optional fields, open objects).
      schema.put("name", format.name()).put("strict", false).set("schema", format.schema());
    }
    ModelSpec spec = model.spec();
    if (spec != null) {
      settings(body, model.modelId(), spec);
    }
    if (request.stream()) {
      body.put("stream", true);
      body.putObject("stream_options").put("include_usage", true);
    }
    if (spec != null && spec.requestParams() != null) {
      // Implements request_params: merged last, so it can set or override any field.
      for (Map.Entry<String, Object> param : spec.requestParams().entrySet()) {
        body.set(param.getKey(), Json.MAPPER.valueToTree(param.getValue()));
      }
    }
    return body;
  }

  private static void settings(ObjectNode body, String modelId, ModelSpec spec) {
    if (spec.temperature() != null) {
      body.put("temperature", spec.temperature());
    }
    if (spec.topP() != null) {
      body.put("top_p", spec.topP());
    }
    if (spec.maxTokens() != null) {
      boolean reasoningModel = COMPLETION_TOKEN_MODELS.stream().anyMatch(modelId::startsWith);
      body.put(reasoningModel ? "max_completion_tokens" : "max_tokens", spec.maxTokens());
    }
    if (spec.stop() != null && !spec.stop().isEmpty()) {
      ArrayNode stop = body.putArray("stop");
      spec.stop().forEach(stop::add);
    }
    if (spec.seed() != null) {
      body.put("seed", spec.seed());
    }
    if (spec.reasoningEffort() != null) {
      body.put("reasoning_effort", spec.reasoningEffort());
    }
  }

  private static ObjectNode message(Message message) {
    ObjectNode out = JsonNodeFactory.instance.objectNode().put("role", message.role().wireName());
    String content = message.content();
    switch (message.role()) {
      case TOOL -> out.put("tool_call_id", message.toolCallId()).put("content", content == null ? "" : content);
      case ASSISTANT -> {
        if (message.toolCalls().isEmpty()) {
          out.put("content", content == null ? "" : content);
        } else {
          // OpenAI wants content null, not "", beside tool calls that come without text.
          if (content == null || content.isEmpty()) {
            out.putNull("content");
          } else {
            out.put("content", content);
          }
          ArrayNode calls = out.putArray("tool_calls");
          for (ToolCall call : message.toolCalls()) {
            calls.addObject().put("id", call.id()).put("type", "function").putObject("function")
                .put("name", call.name()).put("arguments", call.arguments());
          }
        }
      }
      case USER -> {
        if (message.media().isEmpty()) {
          out.put("content", content == null ? "" : content);
        } else {
          out.set("content", OpenAiMediaParts.of(message));
        }
      }
      case SYSTEM, DEVELOPER -> out.put("content", content == null ? "" : content);
    }
    return out;
  }
}
