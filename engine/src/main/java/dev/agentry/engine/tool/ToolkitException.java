package dev.agentry.engine.tool;

import dev.agentry.engine.EngineException;
import org.jspecify.annotations.Nullable;

/** A toolkit could not be set up from its options (a missing root folder, a bad option value). */
public class ToolkitException extends EngineException {
  private final @Nullable String pointer;

  public ToolkitException(String message) {
    this(message, null);
  }

  /**
   * @param pointer the JSON Pointer of the wrong setting, relative to the value under the kind's key (such as
   *     {@code /endpoints/1/url}), so that a diagnostic can point at it; null when no one setting is at fault
   */
  public ToolkitException(String message, @Nullable String pointer) {
    super(message);
    this.pointer = pointer;
  }

  /** The JSON Pointer of the wrong setting under the kind's key, or null. */
  public @Nullable String pointer() {
    return pointer;
  }
}
