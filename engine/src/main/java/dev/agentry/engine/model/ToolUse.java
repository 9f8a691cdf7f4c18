package dev.agentry.engine.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an agent's or team's {@code tools} list (implements {@code schemas/agent.schema.json#/$defs/toolRef}):
 * the toolkit it uses, with the entry's options already merged in, and the entry's own filters.
 *
 * @param include the functions to keep; null for all
 * @param exclude the functions to leave out
 */
public record ToolUse(ToolkitDef toolkit, @Nullable List<String> include, List<String> exclude) {
  /** True when this entry and its toolkit both expose {@code function}. */
  public boolean exposes(String function) {
    return toolkit.policy().exposes(function) && (include == null || include.contains(function))
        && !exclude.contains(function);
  }
}
