package dev.agentry.engine.llm;

/**
 * One function call the model asked for.
 *
 * @param id the provider's call id, echoed back with the result
 * @param name the function name
 * @param arguments the arguments as the model wrote them: JSON text, not yet parsed (a model may write invalid
 *     JSON, which the engine reports back to it)
 */
public record ToolCall(String id, String name, String arguments) {}
