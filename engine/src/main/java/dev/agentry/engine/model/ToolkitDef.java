package dev.agentry.engine.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A toolkit as the runtime opens and binds it: a {@code Toolkit} resource (implements
 * {@code schemas/toolkit.schema.json}) or a builtin an agent lists inline, with its defaults applied.
 *
 * @param name the Toolkit resource's name, or the builtin's name for an inline builtin
 * @param kind the YAML key that selects its {@link dev.agentry.engine.tool.ToolkitKind}
 * @param value the value under that key ({@code ${env:...}} resolved)
 * @param options the toolkit's options with the using entry's on top; an empty object when none
 * @param policy which functions are exposed and how the run treats their calls
 * @param instructions the toolkit's instructions when {@code add_instructions} is true; null otherwise
 * @param cacheTtl how long a result is kept for the same arguments ({@code cache_results}); null when not cached
 */
public record ToolkitDef(
    String name,
    String kind,
    JsonNode value,
    JsonNode options,
    Policy policy,
    @Nullable String instructions,
    @Nullable Duration cacheTtl) {

  /**
   * What identifies an open toolkit: two uses with equal keys share one, in a catalog and across reloads. The
   * filters and flags are left out: they apply when binding, not when opening.
   */
  public record Key(String name, String kind, JsonNode value, JsonNode options) {}

  public Key key() {
    return new Key(name, kind, value, options);
  }

  /**
   * The functions a toolkit exposes and how calls of each are treated.
   *
   * @param include the functions to expose; null for all
   * @param exclude the functions to leave out
   * @param userInputFields per function that takes user input, the arguments the user fills in (empty for all)
   * @param clientSide true when the functions are declared and answered by the client ({@code functions:})
   */
  public record Policy(
      @Nullable List<String> include,
      List<String> exclude,
      Set<String> requiresConfirmation,
      Set<String> externalExecution,
      Set<String> stopAfterToolCall,
      Set<String> showResult,
      Map<String, List<String>> userInputFields,
      boolean clientSide) {
    public static final Policy NONE = new Policy(null, List.of(), Set.of(), Set.of(), Set.of(), Set.of(), Map.of(),
        false);

    /** True when {@code function} is exposed. */
    public boolean exposes(String function) {
      return (include == null || include.contains(function)) && !exclude.contains(function);
    }
  }
}
