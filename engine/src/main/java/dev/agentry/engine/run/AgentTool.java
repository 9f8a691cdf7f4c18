package dev.agentry.engine.run;

import dev.agentry.engine.tool.ToolDefinition;

/**
 * A function an agent's model may call, as the model is told about it, with the pauses a call of it makes: what
 * {@code GET /agents/{id}} lists under {@code tools} (Agno's {@code Function.to_dict()}).
 *
 * @param definition name, description and parameters as the model sees them (without the arguments the user fills
 *     in, {@code user_input_fields})
 * @param requiresConfirmation a call waits for the user's approval
 * @param requiresUserInput a call waits for the user to fill in some arguments
 * @param externalExecution the client executes a call and sends back its result
 */
public record AgentTool(ToolDefinition definition, boolean requiresConfirmation, boolean requiresUserInput,
    boolean externalExecution) {}
