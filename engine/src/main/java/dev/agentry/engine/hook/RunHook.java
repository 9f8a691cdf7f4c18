package dev.agentry.engine.hook;

import org.jspecify.annotations.Nullable;

/**
 * A hook an agent or team runs before the model is called ({@code pre_hooks}) or on the output before it is returned
 * ({@code post_hooks}), listed in YAML as {@code plugin: NAME} with {@code options}: Agno's pre and post hooks, and the
 * way to write a custom guardrail.
 *
 * <p>Found by {@link java.util.ServiceLoader} ({@code META-INF/services/dev.agentry.engine.hook.RunHook}) in the jars
 * of the plugins folder, or registered by an embedding application through
 * {@code Extensions.builder().runHook(...)}. One instance serves every run at once: keep it stateless, and read the
 * settings of each use from {@link HookContext#options()}.
 *
 * <pre>{@code
 * class AuditLog : RunHook {
 *   override fun name() = "audit-log"
 *   override fun afterRun(content: Any?, context: HookContext): Any? {
 *     log.info("run {} answered {}", context.runId(), content)
 *     return content
 *   }
 * }
 * }</pre>
 *
 * A hook that throws {@link InputCheckException} (before) or {@link OutputCheckException} (after) ends the run with
 * Agno's check error ({@code RunError} with {@code error_type} {@code input_check_error} or
 * {@code output_check_error}); any other exception is logged and the run goes on, as in Agno.
 */
public interface RunHook {
  /** The name YAML uses ({@code plugin: NAME}); unique among the run hooks of a server. */
  String name();

  /**
   * The JSON Schema (as JSON text) that {@code options} must match, checked when the specs are compiled; null when
   * the hook takes any options.
   */
  default @Nullable String optionsSchema() {
    return null;
  }

  /**
   * Runs as a pre-hook, after the session is loaded and before the model is called.
   *
   * @param input the user's input as the model will read it (after the hooks before this one)
   * @return the input to run with: {@code input} itself, or a changed one (masking)
   */
  default String beforeRun(String input, HookContext context) throws Exception {
    return input;
  }

  /**
   * Runs as a post-hook, on the run's output before it is returned (or after, with {@code run_hooks_in_background}).
   *
   * @param content the run's content: a string, or the JSON value of a structured output
   * @return the content to return: {@code content} itself, or a changed one (ignored when run in the background)
   */
  default @Nullable Object afterRun(@Nullable Object content, HookContext context) throws Exception {
    return content;
  }
}
