package dev.agentry.engine.tool;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A kind of toolkit, selected in YAML by its key ({@code builtin}, {@code mcp}, {@code http}, {@code openapi},
 * {@code plugin}, {@code functions}): checks a toolkit's settings when the specs are compiled and opens it when a
 * catalog needs it. Registered in {@link Extensions}.
 */
public interface ToolkitKind {
  /** The YAML key of the kind, under a Toolkit's {@code spec} (or of an agent's inline tool entry). */
  String key();

  /**
   * Checks {@code settings} without opening anything (no process, no network), at compile time and before opening.
   *
   * @return the functions the toolkit will have, when they are known before it is opened; null when only the open
   *     toolkit knows them (an MCP server lists its tools when connected)
   * @throws ToolkitException naming the setting that is wrong
   */
  @Nullable List<ToolDefinition> describe(ToolkitSettings settings);

  /**
   * Opens the toolkit: starts its process, connects, loads its document. Called on a thread of its own, outside any
   * lock, with the toolkit's open timeout; the thread is interrupted when the timeout passes.
   *
   * @throws ToolkitException (or any unchecked exception) when it cannot be opened; the toolkit is then degraded and
   *     opened again at the next reload or run
   */
  Toolkit open(ToolkitSettings settings);
}
