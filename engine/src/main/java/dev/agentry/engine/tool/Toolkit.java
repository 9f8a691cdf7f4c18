package dev.agentry.engine.tool;

import java.util.List;

/**
 * An open toolkit: the functions one {@code Toolkit} resource (or one inline builtin) gives the agents and teams that
 * list it, and whatever it holds open to serve them (an MCP server process, an HTTP client, a plugin instance).
 *
 * <p>The engine opens a toolkit once per distinct resolved settings and shares it between every agent and team of a
 * catalog, and between catalogs across reloads while its settings stay the same; it calls {@link #close} once, when
 * the last catalog using it is retired and the last run on that catalog has ended. Implementations are thread-safe.
 */
public interface Toolkit extends AutoCloseable {
  /** The functions as they are now (an MCP server may change them; see {@link #onToolsChanged}). */
  List<Tool> tools();

  /**
   * Registers {@code listener}, called after {@link #tools} changed (an MCP server's {@code tools/list_changed}). The
   * engine then binds the new list for the runs that start afterwards. Toolkits whose functions never change ignore it.
   */
  default void onToolsChanged(Runnable listener) {}

  /** Releases what the toolkit holds; called once, never during a call. Must not throw. */
  @Override
  default void close() {}

  /** A toolkit whose functions are fixed and that holds nothing open. */
  static Toolkit of(List<Tool> tools) {
    List<Tool> fixed = List.copyOf(tools);
    return () -> fixed;
  }
}
