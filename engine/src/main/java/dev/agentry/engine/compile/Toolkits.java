package dev.agentry.engine.compile;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.model.ToolUse;
import dev.agentry.engine.model.ToolkitDef;
import dev.agentry.engine.spec.AgentSpec;
import dev.agentry.engine.spec.Resource;
import dev.agentry.engine.spec.ToolkitSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Compiles {@code Toolkit} resources into {@link ToolkitDef}s and the {@code tools} entries of agents and teams into
 * {@link ToolUse}s, with every default of {@code toolkit.schema.json} applied.
 */
final class Toolkits {
  /** The YAML keys of the toolkit kinds, in the order the schema lists them; the checker made sure one is set. */
  static final List<String> KIND_KEYS = List.of("builtin", "mcp", "http", "openapi", "plugin", "functions");

  private static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(3600);

  private final Map<String, ToolkitDef> byName = new HashMap<>();

  Toolkits(Iterable<Resource<?>> resources) {
    for (Resource<?> r : resources) {
      byName.put(r.name(), toolkit(r.name(), (ToolkitSpec) r.spec(), r.draft().tree().path("spec")));
    }
  }

  /** The entries of a {@code tools} list. */
  List<ToolUse> uses(@Nullable List<AgentSpec.ToolRef> refs) {
    if (refs == null) {
      return List.of();
    }
    return refs.stream().map(this::use).toList();
  }

  private ToolUse use(AgentSpec.ToolRef ref) {
    ObjectNode entryOptions = options(ref.options());
    ToolkitDef toolkit;
    if (ref.builtin() != null) {
      toolkit = new ToolkitDef(ref.builtin(), "builtin", StringNode.valueOf(ref.builtin()), entryOptions,
          ToolkitDef.Policy.NONE, null, null);
    } else {
      ToolkitDef declared = Objects.requireNonNull(byName.get(ref.toolkit()), "checked by SpecCompiler");
      toolkit = entryOptions.isEmpty() ? declared : withOptions(declared, entryOptions);
    }
    return new ToolUse(toolkit, ref.includeTools(), ref.excludeTools() == null ? List.of() : ref.excludeTools());
  }

  private static ToolkitDef withOptions(ToolkitDef declared, ObjectNode override) {
    ObjectNode merged = (ObjectNode) declared.options().deepCopy();
    merged.setAll(override);
    return new ToolkitDef(declared.name(), declared.kind(), declared.value(), merged, declared.policy(),
        declared.instructions(), declared.cacheTtl());
  }

  private static ToolkitDef toolkit(String name, ToolkitSpec spec, JsonNode tree) {
    String kind = KIND_KEYS.stream().filter(tree::has).findFirst().orElseThrow();
    Set<String> confirm = set(spec.requiresConfirmationTools());
    Set<String> external = set(spec.externalExecutionRequiredTools());
    Set<String> stop = set(spec.stopAfterToolCallTools());
    Set<String> show = set(spec.showResultTools());
    Map<String, List<String>> userInput = new LinkedHashMap<>();
    for (ToolkitSpec.Function f : spec.functions() == null ? List.<ToolkitSpec.Function>of() : spec.functions()) {
      String fn = Objects.requireNonNull(f.name(), "required by the schema");
      if (Boolean.TRUE.equals(f.requiresConfirmation())) {
        confirm.add(fn);
      }
      if (Boolean.TRUE.equals(f.requiresUserInput())) {
        userInput.put(fn, f.userInputFields() == null ? List.of() : List.copyOf(f.userInputFields()));
      }
      if (Boolean.TRUE.equals(f.stopAfterToolCall())) {
        stop.add(fn);
      }
      if (Boolean.TRUE.equals(f.showResult())) {
        show.add(fn);
      }
      // a declared function has no implementation here: when nothing else pauses it, the client executes it
      if (Boolean.TRUE.equals(f.externalExecution()) || (!confirm.contains(fn) && !userInput.containsKey(fn))) {
        external.add(fn);
      }
    }
    ToolkitDef.Policy policy = new ToolkitDef.Policy(spec.includeTools(),
        spec.excludeTools() == null ? List.of() : spec.excludeTools(), Set.copyOf(confirm), Set.copyOf(external),
        Set.copyOf(stop), Set.copyOf(show), Map.copyOf(userInput), kind.equals("functions"));
    String instructions = Boolean.TRUE.equals(spec.addInstructions()) ? spec.instructions() : null;
    Duration ttl = !Boolean.TRUE.equals(spec.cacheResults()) ? null
        : spec.cacheTtl() == null ? DEFAULT_CACHE_TTL : Duration.ofSeconds(spec.cacheTtl());
    return new ToolkitDef(name, kind, tree.get(kind), options(spec.options()), policy, instructions, ttl);
  }

  private static ObjectNode options(@Nullable Map<String, Object> options) {
    return options == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.valueToTree(options);
  }

  private static Set<String> set(@Nullable List<String> names) {
    return names == null ? new HashSet<>() : new HashSet<>(names);
  }
}
