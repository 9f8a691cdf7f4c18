package dev.agentry.engine.run;

import dev.agentry.engine.tool.ToolDefinition;

/**
 * A function an agent's model may call, as the model is told about it, with the pause flags Agno's
 * {@code Function.to_dict()} writes: what {@code GET /agents/{id}} lists under {@code tools}. Agno leaves
 * {@code requires_user_input} out of that dict, so it is not here either (a paused call reports it).
 *
 * @param definition name, description and parameters as the model sees them (without the arguments the user fills
 *     in, {@code user_input_fields})
 * @param requiresConfirmation a call waits for the user's approval
 * @param externalExecution the client executes a call and sends back its result
 */
public record AgentTool(ToolDefinition definition, boolean requiresConfirmation, boolean externalExecution) {}
