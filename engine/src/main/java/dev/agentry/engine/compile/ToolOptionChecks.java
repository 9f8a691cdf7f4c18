package dev.agentry.engine.compile;

import dev.agentry.engine.Builtins;
import dev.agentry.engine.EngineException;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.tool.ToolFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Sets up each builtin tool an agent or team lists with the options a run would give it (a {@code Toolkit}'s
 * {@code options}, then the entry's own on top), so that a missing or wrong option is a diagnostic at load and not
 * "agent cannot run" at the first run. The factories only read their options: nothing is opened or fetched.
 */
final class ToolOptionChecks {
  /** The code of the diagnostic for a tool that cannot be set up. */
  static final String CODE = "bad-tool-options";

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final Map<String, Draft> toolkits;
  private final Path baseDir;
  private final Problems problems;
  /** Toolkits used without overrides, checked once: their problems are reported at the Toolkit. */
  private final Set<String> checked = new HashSet<>();

  /**
   * @param toolkits the Toolkit resources of the set, by name
   * @param baseDir the folder relative paths in options resolve against, as the engine's
   */
  ToolOptionChecks(Map<String, Draft> toolkits, Path baseDir, Problems problems) {
    this.toolkits = toolkits;
    this.baseDir = baseDir;
    this.problems = problems;
  }

  /** Checks the tools an agent or team lists. */
  void check(Draft member) {
    for (TreePaths.Found entry : TreePaths.find(member.tree(), "/spec/tools/*")) {
      JsonNode ref = entry.value();
      JsonNode options = ref.get("options");
      if (ref.path("builtin").isString() && !ref.has("toolkit")) {
        setUp(member, entry.pointer(), ref.path("builtin").asString(), null, options);
      } else if (ref.path("toolkit").isString() && !ref.has("builtin")) {
        Draft toolkit = toolkits.get(ref.path("toolkit").asString());
        if (toolkit == null || !toolkit.tree().at("/spec/builtin").isString()) {
          continue;
        }
        if (options != null || checked.add(toolkit.name())) {
          setUp(options != null ? member : toolkit, options != null ? entry.pointer() : "/spec",
              toolkit.tree().at("/spec/builtin").asString(), toolkit, options);
        }
      }
    }
  }

  /** Creates the tools as a run would; reports why not at {@code pointer} (its options, if it has any). */
  private void setUp(Draft at, String pointer, String builtin, @Nullable Draft toolkit, @Nullable JsonNode options) {
    if (!Builtins.toolkitNames().contains(builtin)) {
      return;
    }
    JsonNode base = toolkit == null ? null : toolkit.tree().at("/spec/options");
    try {
      Builtins.toolkit(builtin).create(ToolFactory.merge(map(base), map(options)), baseDir);
    } catch (EngineException | IllegalArgumentException e) {
      if (problems.reportedInside(at, pointer) || (toolkit != null && problems.reportedInside(toolkit, "/spec/options"))) {
        return; // already reported where it is wrong (a file root outside the spec folder)
      }
      boolean secret = interpolated(at, pointer) || (toolkit != null && interpolated(toolkit, "/spec/options"));
      String reason = String.valueOf(e.getMessage());
      reason = reason.startsWith(builtin + ": ") ? reason.substring(builtin.length() + 2) : reason;
      String what = toolkit == null ? "builtin tool " + builtin
          : "toolkit '" + toolkit.name() + "' (builtin " + builtin + ")";
      problems.at(at, at.tree().at(pointer + "/options").isMissingNode() ? pointer : pointer + "/options",
          CODE, what + " cannot be set up" + (secret
              ? " with these options (one came from interpolation, so the reason is not shown)"
              : ": " + reason), null);
    }
  }

  private static Map<String, Object> map(@Nullable JsonNode options) {
    return options == null || !options.isObject() ? Map.of() : Json.MAPPER.convertValue(options, MAP);
  }

  private static boolean interpolated(Draft resource, String prefix) {
    return resource.secretPointers().stream().anyMatch(p -> p.startsWith(prefix + "/"));
  }
}
