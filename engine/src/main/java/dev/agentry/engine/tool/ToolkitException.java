package dev.agentry.engine.tool;

import dev.agentry.engine.EngineException;

/** A toolkit could not be set up from its options (a missing root folder, a bad option value). */
public class ToolkitException extends EngineException {
  public ToolkitException(String message) {
    super(message);
  }
}
