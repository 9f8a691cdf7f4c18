package dev.agentry.engine.compile;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.spec.Suggestions;
import dev.agentry.engine.tool.Extensions;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolkitException;
import dev.agentry.engine.tool.ToolkitKind;
import dev.agentry.engine.tool.ToolkitSettings;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks each toolkit as a run would set it up, through its {@link ToolkitKind#describe} (a Toolkit's settings and
 * options, or an inline builtin's with the entry's options on top), so that a wrong setting is a located diagnostic
 * at load and not "agent cannot run" at the first run; nothing is opened or fetched. Where the functions are known
 * before opening (builtins, HTTP, OpenAPI documents on disk, plugins), every function name a spec uses (the filters,
 * the human-in-the-loop lists, an agent's {@code tool_choice}) is checked against them, with did-you-mean. An MCP
 * server's names are checked when it opens ({@code /specs/status}).
 */
final class ToolkitChecks {
  /** The code of the diagnostic for a toolkit that cannot be set up. */
  static final String CODE = "bad-tool-options";
  /** The code of the diagnostic for a function name no function has. */
  static final String UNKNOWN = "unknown-function";

  /** The lists of a Toolkit that name its functions. */
  private static final List<String> NAME_LISTS = List.of("include_tools", "exclude_tools",
      "requires_confirmation_tools", "external_execution_required_tools", "stop_after_tool_call_tools",
      "show_result_tools");

  /** Describing a toolkit never calls the network; kinds get a client that is created once, and never used. */
  private enum NO_HTTP {
    ;
    private static final HttpClient client = HttpClient.newBuilder().build();
  }

  private final Map<String, Draft> toolkits;
  private final ToolkitSettings.Services services;
  private final Problems problems;
  /** The functions of each Toolkit as declared (without an agent's option overrides); empty when unknown. */
  private final Map<String, Optional<List<String>>> functions = new HashMap<>();

  /**
   * @param toolkits the Toolkit resources of the set, by name
   * @param baseDir the folder relative paths resolve against, as the engine's
   */
  ToolkitChecks(Map<String, Draft> toolkits, Path baseDir, Extensions extensions, Problems problems) {
    this.toolkits = toolkits;
    this.services = new ToolkitSettings.Services(baseDir, NO_HTTP.client, name -> null, extensions);
    this.problems = problems;
  }

  /** Checks a Toolkit resource: its settings, and the function names its lists use. */
  void checkToolkit(Draft toolkit) {
    Optional<List<String>> known = declared(toolkit);
    if (known.isEmpty()) {
      return;
    }
    for (String list : NAME_LISTS) {
      checkNames(toolkit, "/spec", "/" + list + "/*", known.get(), "toolkit '" + toolkit.name() + "'");
    }
  }

  /** Checks the tools an agent or team lists, and an agent's {@code tool_choice}. */
  void checkUser(Draft member) {
    Set<String> all = new TreeSet<>();
    boolean allKnown = true;
    for (TreePaths.Found entry : TreePaths.find(member.tree(), "/spec/tools/*")) {
      JsonNode ref = entry.value();
      JsonNode options = ref.get("options");
      Optional<List<String>> known = Optional.empty();
      String what = null;
      if (ref.path("builtin").isString() && !ref.has("toolkit")) {
        what = "builtin tool " + ref.path("builtin").asString();
        known = describe(member, entry.pointer(), "builtin", ref.get("builtin"), options, what);
      } else if (ref.path("toolkit").isString() && !ref.has("builtin")) {
        Draft toolkit = toolkits.get(ref.path("toolkit").asString());
        if (toolkit == null || kindKey(toolkit) == null) {
          continue;
        }
        what = "toolkit '" + toolkit.name() + "'";
        known = options == null ? declared(toolkit)
            : describe(member, entry.pointer(), kindKey(toolkit), toolkit.tree().at("/spec/" + kindKey(toolkit)),
                merged(toolkit.tree().at("/spec/options"), options), what + " (" + kindKey(toolkit)
                + (toolkit.tree().at("/spec/" + kindKey(toolkit)).isString()
                    ? " " + toolkit.tree().at("/spec/" + kindKey(toolkit)).asString() : "") + ")");
      }
      if (known.isEmpty()) {
        allKnown = false;
        continue;
      }
      checkNames(member, entry.pointer(), "/include_tools/*", known.get(), what);
      checkNames(member, entry.pointer(), "/exclude_tools/*", known.get(), what);
      all.addAll(known.get());
    }
    JsonNode choice = member.tree().at("/spec/tool_choice/function/name");
    if (allKnown && choice.isString() && member.kind() == dev.agentry.engine.spec.Kind.AGENT
        && !all.contains(choice.asString())) {
      problems.at(member, "/spec/tool_choice/function/name", UNKNOWN, "tool_choice names '" + choice.asString()
          + "', which none of the agent's tools has" + (all.isEmpty() ? "" : " (they are " + String.join(", ", all)
          + ")"), Suggestions.didYouMean(choice.asString(), all));
    }
  }

  /** The functions of a Toolkit as it is declared, checked once. */
  private Optional<List<String>> declared(Draft toolkit) {
    return functions.computeIfAbsent(toolkit.name(), name -> {
      String key = kindKey(toolkit);
      if (key == null) {
        return Optional.empty();
      }
      String pointer = key.equals("builtin") || key.equals("plugin") ? "/spec" : "/spec/" + key;
      JsonNode value = toolkit.tree().at("/spec/" + key);
      return describe(toolkit, pointer, key, value, toolkit.tree().at("/spec/options"),
          "toolkit '" + name + "' (" + key + (value.isString() ? " " + value.asString() : "") + ")");
    });
  }

  /**
   * Asks the kind to describe the toolkit; reports why not at {@code pointer} (its options, if it has any).
   *
   * @return the function names, when known before opening
   */
  private Optional<List<String>> describe(Draft at, String pointer, String key, JsonNode value,
      @Nullable JsonNode options, String what) {
    ToolkitKind kind = services.extensions().kind(key);
    if (kind == null) {
      return Optional.empty(); // the schema allows only the keys of the shipped kinds
    }
    String optionsPointer = at.tree().at(pointer + "/options").isMissingNode() ? pointer : pointer + "/options";
    if (problems.reportedInside(at, pointer)) {
      return Optional.empty(); // already reported where it is wrong (a file root outside the spec folder)
    }
    ObjectNode given = options != null && options.isObject() ? (ObjectNode) options : Json.MAPPER.createObjectNode();
    try {
      List<ToolDefinition> described = kind.describe(new ToolkitSettings(at.name(), value, given, services));
      return described == null ? Optional.empty()
          : Optional.of(described.stream().map(ToolDefinition::name).toList());
    } catch (EngineException | IllegalArgumentException e) {
      boolean secret = at.secretPointers().stream().anyMatch(p -> p.startsWith(pointer + "/"));
      String reason = String.valueOf(e.getMessage());
      String name = value.isString() ? value.asString() : key;
      reason = reason.startsWith(name + ": ") ? reason.substring(name.length() + 2) : reason;
      String where = key.equals("builtin") || key.equals("plugin") ? optionsPointer : pointer;
      if (e instanceof ToolkitException t && t.pointer() != null && !key.equals("builtin") && !key.equals("plugin")
          && !at.tree().at(pointer + t.pointer()).isMissingNode()) {
        where = pointer + t.pointer(); // the setting itself, such as an endpoint's url
      }
      problems.at(at, where, CODE,
          what + " cannot be set up" + (secret
              ? " with these settings (one came from interpolation, so the reason is not shown)"
              : ": " + reason), null);
      return Optional.empty();
    }
  }

  /** Reports the names at {@code path} under {@code base} (a pointer into {@code at}) that no function has. */
  private void checkNames(Draft at, String base, String path, List<String> known, String what) {
    for (TreePaths.Found found : TreePaths.find(at.tree().at(base), path)) {
      String name = found.value().asString("");
      if (!known.contains(name)) {
        problems.at(at, base + found.pointer(), UNKNOWN, what + " has no function '" + name + "'; its functions are "
            + String.join(", ", known), Suggestions.didYouMean(name, known));
      }
    }
  }

  /** The kind key a Toolkit sets, if it sets exactly one (the reference checks report the others). */
  private static @Nullable String kindKey(Draft toolkit) {
    List<String> set = Toolkits.KIND_KEYS.stream().filter(k -> toolkit.tree().at("/spec").has(k)).toList();
    return set.size() == 1 ? set.get(0) : null;
  }

  private static JsonNode merged(JsonNode base, JsonNode override) {
    ObjectNode merged = base.isObject() ? (ObjectNode) base.deepCopy() : Json.MAPPER.createObjectNode();
    if (override.isObject()) {
      merged.setAll((ObjectNode) override);
    }
    return merged;
  }
}
