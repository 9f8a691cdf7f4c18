package dev.agentry.engine.tool;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
}
