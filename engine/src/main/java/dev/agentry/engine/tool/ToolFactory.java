package dev.agentry.engine.tool;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the tools of one builtin toolkit from its {@code options}; registered by name in
 * {@link dev.agentry.engine.Builtins}.
 *
 * <p>Called once per catalog and toolkit use, not per run. Bad options throw {@link ToolkitException} with a message
 * that names the option.
 */
@FunctionalInterface
public interface ToolFactory {
  /**
   * Creates the toolkit's functions.
   *
   * @param options the toolkit's {@code options}, with an agent's overrides merged in
   * @param baseDir the folder relative paths in options resolve against (the spec root)
   */
  List<Tool> create(Map<String, Object> options, Path baseDir);

  /**
   * The options a tool entry gives its factory: a {@code Toolkit}'s {@code options} with the entry's own
   * {@code options} on top (implements {@code schemas/agent.schema.json#/$defs/toolRef/properties/options}).
   */
  static Map<String, Object> merge(@Nullable Map<String, Object> base, @Nullable Map<String, Object> override) {
    Map<String, Object> merged = new HashMap<>();
    if (base != null) {
      merged.putAll(base);
    }
    if (override != null) {
      merged.putAll(override);
    }
    return merged;
  }
}
