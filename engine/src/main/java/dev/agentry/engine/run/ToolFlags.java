package dev.agentry.engine.run;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the run treats calls of one function: the human-in-the-loop pauses and the after-call behaviour, from the
 * toolkit's function declaration and its {@code *_tools} lists.
 *
 * @param userInputFields the arguments the user fills in; null when the function takes no user input, empty for all
 * @param clientSide true for a declared function: it has no implementation here, the client answers it
 */
record ToolFlags(
    boolean requiresConfirmation,
    @Nullable List<String> userInputFields,
    boolean externalExecution,
    boolean stopAfterToolCall,
    boolean showResult,
    boolean clientSide) {
  static final ToolFlags NONE = new ToolFlags(false, null, false, false, false, false);

  /** True when a call pauses the run until a person or the client acts. */
  boolean pauses() {
    return requiresConfirmation || userInputFields != null || externalExecution;
  }
}
