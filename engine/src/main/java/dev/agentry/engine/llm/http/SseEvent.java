package dev.agentry.engine.llm.http;

/**
 * One server-sent event, as dispatched by {@link SseReader}.
 *
 * @param event the {@code event:} name, or "message" when the server sent none (the SSE default)
 * @param data the {@code data:} lines joined with "\n"
 */
public record SseEvent(String event, String data) {}
