package dev.agentry.engine.compile;

import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.model.Providers;
import dev.agentry.engine.spec.Diagnostic;
import dev.agentry.engine.spec.Kind;
import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.spec.Resource;
import dev.agentry.engine.spec.SourceMap;
import dev.agentry.engine.spec.SpecException;
import dev.agentry.engine.spec.SpecLoader;
import dev.agentry.engine.tool.Extensions;
import dev.agentry.engine.spec.Suggestions;
import dev.cel.common.CelAbstractSyntaxTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Compiles a spec set into an immutable {@link Catalog}: loads and validates the files ({@link SpecLoader}), then
 * checks what a JSON Schema cannot — unique names, references that resolve (and name a resource of the right kind),
 * exactly-one-of fields, model strings, URL schemes, cycles, CEL expressions and the step names they use, the JSON
 * Schemas a spec embeds — and reports every problem of the set in one pass, sorted by file and line.
 *
 * <p>The CLI's {@code validate}, the server's start-up and hot reload all run this same path.
 */
public final class SpecCompiler {
  private final SpecLoader loader;
  private final Extensions extensions;

  private SpecCompiler(SpecLoader loader, Extensions extensions) {
    this.loader = loader;
    this.extensions = extensions;
  }

  /** A compiler reading the process environment, with default limits and the toolkit kinds Agentry ships. */
  public static SpecCompiler create() {
    return new SpecCompiler(SpecLoader.create(), Extensions.defaults());
  }

  /** A compiler over a configured loader. */
  public static SpecCompiler create(SpecLoader loader) {
    return new SpecCompiler(loader, Extensions.defaults());
  }

  /** A compiler reading the process environment that checks toolkits against {@code extensions}: give the engine the same ones. */
  public static SpecCompiler create(Extensions extensions) {
    return new SpecCompiler(SpecLoader.create(), extensions);
  }

  /**
   * A compiler that checks toolkits against {@code extensions} (plugins, extra toolkit kinds): give the engine the
   * same ones.
   */
  public static SpecCompiler create(SpecLoader loader, Extensions extensions) {
    return new SpecCompiler(loader, extensions);
  }

  /** The outcome of a compilation: a catalog when there was no error, and every diagnostic. */
  public record Result(@Nullable Catalog catalog, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    /** The catalog, if the set compiled. */
    public Optional<Catalog> findCatalog() {
      return Optional.ofNullable(catalog);
    }

    /** The catalog, or a {@link SpecException} holding every diagnostic. */
    public Catalog orThrow() {
      if (catalog == null) {
        throw new SpecException(diagnostics);
      }
      return catalog;
    }

    /** True when the set compiled. */
    public boolean ok() {
      return catalog != null;
    }
  }

  /** Loads, validates and compiles every spec file under {@code root}. */
  public Result compile(Path root) {
    SpecLoader.Loaded loaded = loader.load(root);
    return compile(loaded, root);
  }

  /** Compiles resources that were already loaded, keeping the loader's diagnostics. */
  public Result compile(SpecLoader.Loaded loaded) {
    return compile(loaded, Path.of(""));
  }

  /**
   * Compiles resources that were already loaded; relative paths in toolkit options resolve against {@code baseDir},
   * as the engine's {@code baseDir} (the spec root).
   */
  public Result compile(SpecLoader.Loaded loaded, Path baseDir) {
    Problems problems = new Problems();
    Map<Kind, Map<String, Draft>> index = index(loaded.drafts(), problems);
    Graph graph = new Graph();
    Checker checker = new Checker(index, problems, graph,
        new ToolkitChecks(index.get(Kind.TOOLKIT), baseDir.toAbsolutePath().normalize(), extensions, problems));
    for (Draft draft : loaded.drafts()) {
      SpecPathChecks.check(draft, problems); // first, so that a tool refused for its path is reported once
    }
    for (Draft draft : loaded.drafts()) {
      checker.check(draft);
      ToolHookChecks.check(draft, extensions, problems);
      LocationChecks.check(draft, problems);
      RunHookChecks.check(draft, extensions, index.get(Kind.MODEL).keySet(), problems);
    }
    graph.reportCycles(problems);
    List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
    all.addAll(withoutEchoes(problems.list(), loaded.diagnostics()));
    boolean failed = all.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    if (failed) {
      return new Result(null, all);
    }
    return new Result(CatalogBuilder.build(byKind(loaded.resources()), checker.schemas, checker.expressions), all);
  }

  /**
   * Drops the compile diagnostics about a part of a document that the schema already reported an error inside:
   * a misspelt {@code buildin:} is one problem, not also "a tool needs exactly one of builtin, toolkit". A warning
   * (a field with no effect yet) hides nothing.
   */
  private static List<Diagnostic> withoutEchoes(List<Diagnostic> compiled, List<Diagnostic> loaded) {
    return compiled.stream()
        .filter(c -> loaded.stream().noneMatch(l -> l.severity() == Diagnostic.Severity.ERROR
            && l.file().equals(c.file())
            && (l.pointer().equals(c.pointer()) || l.pointer().startsWith(c.pointer() + "/"))))
        .toList();
  }

  private static Map<Kind, Map<String, Resource<?>>> byKind(List<Resource<?>> resources) {
    Map<Kind, Map<String, Resource<?>>> byKind = emptyByKind();
    resources.forEach(r -> byKind.get(r.kind()).put(r.name(), r));
    return byKind;
  }

  /** One insertion-ordered map per kind, keyed by name. */
  private static <V> Map<Kind, Map<String, V>> emptyByKind() {
    Map<Kind, Map<String, V>> byKind = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      byKind.put(kind, new LinkedHashMap<>());
    }
    return byKind;
  }

  private static Map<Kind, Map<String, Draft>> index(List<Draft> resources, Problems problems) {
    Map<Kind, Map<String, Draft>> index = emptyByKind();
    for (Draft resource : resources) {
      if (resource.kind() == Kind.AGENT_OS && !index.get(Kind.AGENT_OS).isEmpty()) {
        Draft first = index.get(Kind.AGENT_OS).values().iterator().next();
        problems.at(resource, "/kind", "duplicate-agentos", "a spec set declares at most one AgentOS, and '"
            + first.name() + "' is already declared in " + first.file(), "merge the two into one");
        continue;
      }
      Draft first = index.get(resource.kind()).putIfAbsent(resource.name(), resource);
      if (first != null) {
        SourceMap.Mark at = first.markOf("/metadata/name");
        String where = first.file().equals(resource.file()) ? "line " + at.line() : first.file() + ":" + at.line();
        problems.at(resource, "/metadata/name", "duplicate-name",
            "duplicate " + resource.kind().wireName() + " name '" + resource.name() + "' (first defined at " + where
                + ")",
            "names are ids: give each " + resource.kind().wireName() + " a unique metadata.name");
      }
    }
    return index;
  }

  /** The per-resource checks. */
  private static final class Checker implements StepChecker.Resolver {
    private final Map<Kind, Map<String, Draft>> index;
    private final Problems problems;
    private final Graph graph;
    /** Input and output schemas read while checking, keyed by resource and pointer, for the catalog. */
    final Map<SchemaFiles.Key, JsonNode> schemas = new java.util.HashMap<>();
    /** The CEL expressions checked, by their text, with their trees, for the catalog. */
    final Map<String, CelAbstractSyntaxTree> expressions = new java.util.HashMap<>();

    private final ToolkitChecks tools;

    Checker(Map<Kind, Map<String, Draft>> index, Problems problems, Graph graph, ToolkitChecks tools) {
      this.index = index;
      this.problems = problems;
      this.graph = graph;
      this.tools = tools;
    }

    @Override
    public void compiled(String expression, CelAbstractSyntaxTree ast) {
      expressions.put(expression, ast);
    }

    void check(Draft resource) {
      JsonNode tree = resource.tree();
      for (References.OneOf rule : References.ONE_OF.getOrDefault(resource.kind(), List.of())) {
        for (TreePaths.Found found : TreePaths.find(tree, rule.path())) {
          checkOneOf(resource, found, rule);
        }
      }
      for (References.Rule rule : References.RULES.get(resource.kind())) {
        for (TreePaths.Found found : TreePaths.find(tree, rule.path())) {
          resolve(resource, found.pointer(), rule.target());
        }
      }
      UrlChecks.check(resource, problems);
      switch (resource.kind()) {
        case AGENT, TEAM -> {
          tools.checkUser(resource);
          checkSchema(resource, "/spec/output_schema");
          checkSchema(resource, "/spec/input_schema");
        }
        case WORKFLOW -> {
          new StepChecker(resource, problems, this).check();
          checkSchema(resource, "/spec/input_schema");
        }
        case MODEL -> ModelChecks.check(resource, problems);
        case KNOWLEDGE -> KnowledgeChecks.check(resource, index.get(Kind.MODEL), problems);
        case TOOLKIT -> {
          checkFunctionNames(resource);
          tools.checkToolkit(resource);
          EmbeddedSchemas.checkParameters(resource, problems);
        }
        case AGENT_OS -> {
          checkQuickPrompts(resource);
          AuthChecks.check(resource, problems);
        }
        default -> {}
      }
    }

    /** Reads the JSON Schema at {@code pointer} (inline or from its file) for the catalog, and checks it. */
    private void checkSchema(Draft resource, String pointer) {
      SchemaFiles.load(resource, pointer, problems, schemas);
      JsonNode schema = schemas.get(SchemaFiles.Key.of(resource, pointer));
      if (schema != null) {
        JsonNode field = resource.tree().at(pointer);
        EmbeddedSchemas.check(resource, pointer, schema, field.isString() ? field.asString() : null, problems);
      }
    }

    /** Function names are tool names the model calls: unique in their toolkit. */
    private void checkFunctionNames(Draft toolkit) {
      Map<String, String> seen = new java.util.HashMap<>();
      for (TreePaths.Found found : TreePaths.find(toolkit.tree(), "/spec/functions/*/name")) {
        String first = seen.putIfAbsent(found.value().asString(""), found.pointer());
        if (first != null) {
          problems.at(toolkit, found.pointer(), "duplicate-function", "duplicate function name '"
              + found.value().asString() + "' (first defined at line " + toolkit.markOf(first).line() + ")", null);
        }
      }
    }

    /** Quick prompts are keyed by the agent, team or workflow they belong to. */
    private void checkQuickPrompts(Draft os) {
      JsonNode prompts = os.tree().at("/spec/config/chat/quick_prompts");
      List<String> ids = new ArrayList<>();
      for (Kind kind : List.of(Kind.AGENT, Kind.TEAM, Kind.WORKFLOW)) {
        ids.addAll(index.get(kind).keySet());
      }
      for (String key : prompts.isObject() ? prompts.propertyNames() : List.<String>of()) {
        if (!ids.contains(key)) {
          problems.atKey(os, SourceMap.child("/spec/config/chat/quick_prompts", key), "unknown-reference",
              "quick prompts for unknown agent, team or workflow '" + key + "'", Suggestions.didYouMean(key, ids));
        }
      }
    }

    private void checkOneOf(Draft resource, TreePaths.Found found, References.OneOf rule) {
      List<String> present = rule.keys().stream().filter(found.value()::has).toList();
      if (present.size() == 1) {
        return;
      }
      String message = present.isEmpty()
          ? rule.what() + " needs exactly one of " + String.join(", ", rule.keys())
          : rule.what() + " can be only one of " + String.join(", ", rule.keys()) + ", but has "
              + String.join(" and ", present);
      problems.at(resource, found.pointer(), "one-of", message, null);
    }

    @Override
    public void resolve(Draft from, String pointer, References.Target target) {
      JsonNode value = from.tree().at(pointer);
      if (!value.isString()) {
        return;
      }
      String name = value.asString();
      if (target == References.Target.MODEL) {
        resolveModel(from, pointer, name);
        return;
      }
      Map<String, Draft> candidates = index.get(target.kind);
      if (candidates.containsKey(name)) {
        if ((target == References.Target.AGENT || target == References.Target.TEAM
            || target == References.Target.WORKFLOW) && from.kind() != Kind.AGENT_OS) {
          graph.edge(from, pointer, target.kind, name);
        }
        return;
      }
      String what = target.kind.wireName();
      boolean secret = from.secretPointers().contains(pointer);
      String hint = secret ? null : Suggestions.didYouMean(name, candidates.keySet());
      hint = hint != null ? hint : candidates.isEmpty() ? "no " + what + " is defined in this spec set"
          : "defined " + what + "s: " + String.join(", ", candidates.keySet());
      Optional<Kind> other = WrongKind.find(index, name, target.kind);
      if (other.isPresent()) {
        String fits = secret ? null : WrongKind.hint(from, pointer, name, other.get());
        problems.at(from, pointer, "wrong-kind", WrongKind.message(shown(from, pointer, name), other.get(),
            target.kind), fits != null ? fits : hint);
        return;
      }
      problems.at(from, pointer, "unknown-reference", "unknown " + what + " " + shown(from, pointer, name), hint);
    }

    /** The value quoted for a message, or a neutral phrase when it came from interpolation (it may be secret). */
    private static String shown(Draft from, String pointer, String value) {
      return from.secretPointers().contains(pointer) ? "(the interpolated value)" : "'" + value + "'";
    }

    private void resolveModel(Draft from, String pointer, String name) {
      boolean secret = from.secretPointers().contains(pointer);
      int colon = name.indexOf(':');
      if (colon > 0) {
        String provider = name.substring(0, colon);
        if (!Providers.isKnown(provider)) {
          String hint = secret ? null : Suggestions.didYouMean(provider, Providers.KNOWN);
          problems.at(from, pointer, "unknown-provider", "unknown model provider " + shown(from, pointer, provider),
              hint != null ? hint : "use one of " + String.join(", ", Providers.KNOWN));
        } else if (colon == name.length() - 1) {
          problems.at(from, pointer, "bad-model", "model " + shown(from, pointer, name)
              + " has no model id after the provider", "write it as provider:model_id, e.g. openai:gpt-4o-mini");
        }
        return;
      }
      Map<String, Draft> models = index.get(Kind.MODEL);
      if (models.containsKey(name)) {
        return;
      }
      String hint = secret ? null : Suggestions.didYouMean(name, models.keySet());
      Optional<Kind> other = WrongKind.find(index, name, Kind.MODEL);
      if (other.isPresent()) {
        problems.at(from, pointer, "wrong-kind", WrongKind.message(shown(from, pointer, name), other.get(),
            Kind.MODEL), hint != null ? hint
            : "write provider:model_id, e.g. openai:gpt-4o-mini, or name a Model resource");
        return;
      }
      problems.at(from, pointer, "unknown-model", "unknown model " + shown(from, pointer, name)
          + ": not provider:model_id and no Model resource has that name", hint != null ? hint
          : "write it as provider:model_id, e.g. openai:gpt-4o-mini, or name a Model resource");
    }
  }
}
