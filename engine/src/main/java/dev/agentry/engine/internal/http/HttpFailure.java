package dev.agentry.engine.internal.http;

/**
 * A request that was refused or failed, with a message fit for the model: the tool turns it into a
 * {@link dev.agentry.engine.tool.ToolResult#error}. Messages never carry header values or credentials.
 */
public final class HttpFailure extends RuntimeException {
  public HttpFailure(String message) {
    super(message, null, false, false);
  }
}
