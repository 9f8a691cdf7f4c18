package dev.agentry.engine.llm.anthropic;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.ResponseFormat;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.ToolCall;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.spec.ModelSpec;
import dev.agentry.engine.tool.ToolDefinition;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON body of a Messages request, built from a {@link ChatRequest} and the model's settings. */
final class AnthropicRequestBody {
  /** Anthropic requires {@code max_tokens}; this is used when the model sets none. */
  static final int DEFAULT_MAX_TOKENS = 4096;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AnthropicRequestBody() {}

  static ObjectNode of(ModelDef model, ChatRequest request) {
    ModelSpec spec = model.spec();
    ObjectNode body = NODES.objectNode();
    body.put("model", model.modelId());
    body.put("max_tokens", spec != null && spec.maxTokens() != null ? spec.maxTokens() : DEFAULT_MAX_TOKENS);
    // Anthropic has no system role: every system (or developer) message goes to the top-level system prompt.
    String system = request.messages().stream()
        .filter(m -> (m.role() == Role.SYSTEM || m.role() == Role.DEVELOPER) && m.content() != null)
        .map(Message::content).collect(Collectors.joining("\n\n"));
    if (!system.isEmpty()) {
      body.put("system", system);
    }
    messages(body.putArray("messages"), request.messages());
    tools(body, request);
    if (spec != null) {
      settings(body, spec);
    }
    if (request.stream()) {
      body.put("stream", true);
    }
    if (spec != null && spec.requestParams() != null) {
      // Implements request_params: merged last, so it can set or override any field.
      for (Map.Entry<String, Object> param : spec.requestParams().entrySet()) {
        body.set(param.getKey(), Json.MAPPER.valueToTree(param.getValue()));
      }
    }
    return body;
  }

  private static void settings(ObjectNode body, ModelSpec spec) {
    ModelSpec.Thinking thinking = spec.thinking();
    if (thinking != null && thinking.type() != null) {
      ObjectNode t = body.putObject("thinking").put("type", thinking.type());
      if (thinking.budgetTokens() != null) {
        t.put("budget_tokens", thinking.budgetTokens());
      }
    }
    if (spec.temperature() != null) {
      body.put("temperature", spec.temperature());
    }
    if (spec.topP() != null) {
      body.put("top_p", spec.topP());
    }
    if (spec.stop() != null && !spec.stop().isEmpty()) {
      ArrayNode stop = body.putArray("stop_sequences");
      spec.stop().forEach(stop::add);
    }
  }

  private static void messages(ArrayNode out, List<Message> messages) {
    // Consecutive tool results answer one assistant turn, so they travel together in one user message.
    ArrayNode results = null;
    for (Message message : messages) {
      String content = message.content() == null ? "" : message.content();
      switch (message.role()) {
        case SYSTEM, DEVELOPER -> { }
        case TOOL -> {
          if (results == null) {
            results = out.addObject().put("role", "user").putArray("content");
          }
          ObjectNode result = results.addObject().put("type", "tool_result")
              .put("tool_use_id", message.toolCallId()).put("content", content);
          if (message.toolError()) {
            result.put("is_error", true);
          }
        }
        case USER -> {
          results = null;
          if (message.media().isEmpty()) {
            out.addObject().put("role", "user").put("content", content);
          } else {
            out.addObject().put("role", "user").set("content", AnthropicMediaBlocks.of(message));
          }
        }
        case ASSISTANT -> {
          results = null;
          assistant(out, content, message);
        }
      }
    }
  }

  private static void assistant(ArrayNode out, String text, Message message) {
    List<ToolCall> calls = message.toolCalls();
    if (text.isEmpty() && calls.isEmpty()) {
      return; // Anthropic rejects empty text blocks, and an empty turn says nothing.
    }
    ArrayNode blocks = out.addObject().put("role", "assistant").putArray("content");
    // Extended thinking: the signed thinking blocks go back first and unchanged, or a tool loop is refused.
    message.thinkingBlocks().forEach(b -> blocks.add(b.deepCopy()));
    if (!text.isEmpty()) {
      blocks.addObject().put("type", "text").put("text", text);
    }
    for (ToolCall call : calls) {
      blocks.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
          .set("input", input(call.arguments()));
    }
  }

  /** The arguments as the object Anthropic wants; a model's invalid JSON is replayed as {} (it was told the error). */
  private static JsonNode input(String arguments) {
    try {
      JsonNode parsed = Json.MAPPER.readTree(arguments);
      return parsed != null && parsed.isObject() ? parsed : NODES.objectNode();
    } catch (JacksonException e) {
      return NODES.objectNode();
    }
  }

  private static void tools(ObjectNode body, ChatRequest request) {
    ResponseFormat format = AnthropicChatModel.enforced(request);
    if (request.tools().isEmpty() && format == null) {
      return;
    }
    ArrayNode tools = body.putArray("tools");
    for (ToolDefinition tool : request.tools()) {
      tools.addObject().put("name", tool.name()).put("description", tool.description())
          .set("input_schema", tool.parameters());
    }
    if (format != null) {
      tools.addObject().put("name", format.name())
          .put("description", "Give your final answer by calling this tool: its input is the answer.")
          .set("input_schema", format.schema());
    }
    JsonNode choice = toolChoice(request.toolChoice(), format, request.tools().isEmpty());
    if (choice != null) {
      body.set("tool_choice", choice);
    }
  }

  /**
   * Agno's tool_choice in Anthropic's words. With a response format and no other tools the answer tool is forced;
   * beside other tools the model must call one of them ({@code any}), so that it can still use tools before it
   * answers, unless tool_choice forbids tools or names one.
   */
  private static @Nullable JsonNode toolChoice(@Nullable JsonNode choice, @Nullable ResponseFormat format,
      boolean noOtherTools) {
    String named = choice != null && choice.isObject() ? choice.path("function").path("name").asString(null) : null;
    String mode = choice != null && choice.isString() ? choice.asString() : null;
    if (format != null) {
      if (noOtherTools || "none".equals(mode)) {
        return forced(format.name());
      }
      return named != null ? forced(named) : NODES.objectNode().put("type", "any");
    }
    if (named != null) {
      return forced(named);
    }
    if (mode == null) {
      return null;
    }
    return switch (mode) {
      case "required" -> NODES.objectNode().put("type", "any");
      case "none" -> NODES.objectNode().put("type", "none");
      default -> NODES.objectNode().put("type", "auto");
    };
  }

  private static ObjectNode forced(String name) {
    return NODES.objectNode().put("type", "tool").put("name", name);
  }
}
