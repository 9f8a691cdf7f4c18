package dev.agentry.engine.compile;

import dev.agentry.engine.hook.guardrail.Guardrails;
import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.spec.Kind;
import dev.agentry.engine.spec.Suggestions;
import dev.agentry.engine.tool.Extensions;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks the {@code pre_hooks} and {@code post_hooks} of agents and teams: a {@code plugin:} must name a run hook of
 * the extensions the specs are compiled with (with did-you-mean), and a {@code guardrail:}'s {@code options} must be
 * its options (a {@code model_resource} must name a {@code Model} resource). That each hook sets exactly one of
 * {@code guardrail} and {@code plugin} is checked by {@link References}.
 */
final class RunHookChecks {
  /** The code of the diagnostic for a plugin hook name no run hook has. */
  static final String UNKNOWN = "unknown-hook";
  /** The code of the diagnostic for wrong guardrail options. */
  static final String OPTIONS = "invalid-hook-options";

  private RunHookChecks() {}

  static void check(Draft resource, Extensions extensions, Set<String> models, Problems problems) {
    if (resource.kind() != Kind.AGENT && resource.kind() != Kind.TEAM) {
      return;
    }
    for (String list : new String[] {"pre_hooks", "post_hooks"}) {
      for (TreePaths.Found found : TreePaths.find(resource.tree(), "/spec/" + list + "/*")) {
        JsonNode hook = found.value();
        JsonNode plugin = hook.get("plugin");
        JsonNode guardrail = hook.get("guardrail");
        if (plugin != null && plugin.isString() && guardrail == null) {
          String name = plugin.stringValue();
          if (extensions.runHook(name) == null) {
            String hint = Suggestions.didYouMean(name, extensions.runHookNames());
            problems.at(resource, found.pointer() + "/plugin", UNKNOWN, "no hook is named '" + name + "'",
                hint != null ? hint : extensions.runHookNames().isEmpty()
                    ? "no hooks are loaded: put the jar of the plugin that registers it in the plugins folder"
                    : "the hooks are " + String.join(", ", extensions.runHookNames()));
          }
        } else if (guardrail != null && guardrail.isString() && plugin == null
            && Guardrails.NAMES.contains(guardrail.stringValue())) {
          JsonNode options = hook.has("options") ? hook.get("options") : JsonNodeFactory.instance.objectNode();
          if (!options.isObject()) {
            continue; // the schema reports it
          }
          try {
            Guardrails.check(guardrail.stringValue(), options);
          } catch (IllegalArgumentException e) {
            problems.at(resource, found.pointer() + (hook.has("options") ? "/options" : ""), OPTIONS,
                e.getMessage(), null);
            continue;
          }
          JsonNode resourceName = options.get("model_resource");
          if (resourceName != null && !models.contains(resourceName.stringValue())) {
            problems.at(resource, found.pointer() + "/options/model_resource", OPTIONS, "no Model resource is named '"
                + resourceName.stringValue() + "'", Suggestions.didYouMean(resourceName.stringValue(), models));
          }
        }
      }
    }
  }
}
