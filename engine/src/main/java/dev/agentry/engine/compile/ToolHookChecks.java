package dev.agentry.engine.compile;

import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.spec.Kind;
import dev.agentry.engine.spec.Suggestions;
import dev.agentry.engine.tool.Extensions;

/**
 * Checks that every name an agent or team lists under {@code tool_hooks} is a tool hook of the extensions the specs
 * are compiled with (registered by a plugin jar or the embedding application), with did-you-mean.
 */
final class ToolHookChecks {
  /** The code of the diagnostic for a hook name no hook has. */
  static final String CODE = "unknown-tool-hook";

  private ToolHookChecks() {}

  static void check(Draft resource, Extensions extensions, Problems problems) {
    if (resource.kind() != Kind.AGENT && resource.kind() != Kind.TEAM) {
      return;
    }
    for (TreePaths.Found found : TreePaths.find(resource.tree(), "/spec/tool_hooks/*")) {
      String name = found.value().asString("");
      if (extensions.hook(name) == null) {
        String hint = Suggestions.didYouMean(name, extensions.hookNames());
        problems.at(resource, found.pointer(), CODE, "no tool hook is named '" + name + "'", hint != null ? hint
            : extensions.hookNames().isEmpty()
                ? "no tool hooks are loaded: put the jar of the plugin that registers it in the plugins folder"
                : "the tool hooks are " + String.join(", ", extensions.hookNames()));
      }
    }
  }
}
