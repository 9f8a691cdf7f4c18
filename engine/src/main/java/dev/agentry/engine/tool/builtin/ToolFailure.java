package dev.agentry.engine.tool.builtin;

/**
 * A failed call whose message is fit for the model: {@link FunctionTool} turns it into a
 * {@link dev.agentry.engine.tool.ToolResult#error}.
 *
 * <p>Thrown from deep inside argument parsing and path checks so that each function body stays a few lines. Messages
 * must never carry host paths or secrets: the model, and so the user, reads them.
 */
final class ToolFailure extends RuntimeException {
  ToolFailure(String message) {
    super(message, null, false, false);
  }
}
