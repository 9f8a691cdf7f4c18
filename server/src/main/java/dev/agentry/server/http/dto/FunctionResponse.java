package dev.agentry.server.http.dto;

import dev.agentry.engine.run.AgentTool;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A function the model may call, as Agno lists it under a component's {@code tools.tools}
 * ({@code Function.to_dict()}): name, description and the parameters the model sees; the pause flags only when set.
 */
public record FunctionResponse(
    String name,
    @Nullable String description,
    JsonNode parameters,
    @Nullable Boolean requiresConfirmation,
    @Nullable Boolean externalExecution) {

  /** The function as the agent's model is told about it, with its pause flags set only when true. */
  public static FunctionResponse of(AgentTool tool) {
    String description = tool.definition().description();
    return new FunctionResponse(tool.definition().name(), description.isEmpty() ? null : description,
        tool.definition().parameters(), tool.requiresConfirmation() ? Boolean.TRUE : null,
        tool.externalExecution() ? Boolean.TRUE : null);
  }
}
