package dev.agentry.engine.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a spec set: finds the YAML files under a folder, reads every document with positions, interpolates,
 * validates each against its kind's JSON Schema and binds it to its {@code *Spec} record.
 *
 * <p>Never stops at the first problem: every diagnostic of every file comes back in one {@link Loaded}, and the
 * documents that are valid are returned beside them. Thread-safe; the schemas are compiled once per loader.
 */
public final class SpecLoader {
  /** The mapper that binds spec trees to records: snake_case YAML keys onto camelCase record components. */
  public static final JsonMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final SchemaValidator validator;
  private final Interpolator interpolator;
  private final YamlReader.Limits limits;

  private SpecLoader(Interpolator interpolator, YamlReader.Limits limits) {
    this.validator = SchemaValidator.create();
    this.interpolator = interpolator;
    this.limits = limits;
  }

  /** A loader reading {@code ${env:...}} from the process environment, with default limits. */
  public static SpecLoader create() {
    return create(System::getenv, YamlReader.Limits.DEFAULT);
  }

  /** A loader with its own variable source and limits. */
  public static SpecLoader create(Function<String, @Nullable String> env, YamlReader.Limits limits) {
    return new SpecLoader(Interpolator.of(env), limits);
  }

  /**
   * The resources read and every problem found; {@code diagnostics} is sorted by file and line.
   *
   * @param resources the documents that passed validation, bound to their spec records
   * @param drafts every document with a known kind and a name, valid or not, for cross-resource checks
   */
  public record Loaded(List<Resource<?>> resources, List<Draft> drafts, List<Diagnostic> diagnostics) {
    public Loaded {
      resources = List.copyOf(resources);
      drafts = List.copyOf(drafts);
      diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    /** True when no diagnostic is an error. */
    public boolean ok() {
      return diagnostics.stream().noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }
  }

  /**
   * Loads every {@code *.yaml} and {@code *.yml} file under {@code root} (or {@code root} itself if it is a file).
   * Hidden entries are skipped, including the {@code ..data} folders of a Kubernetes ConfigMap mount, whose files
   * are reached through the symlinks beside them. Every path a spec names must stay inside the spec root: {@code root}
   * itself, or the folder of {@code root} when it is a single file (see {@link SpecRoot}).
   */
  public Loaded load(Path root) {
    Collected collected = new Collected(SpecRoot.of(root));
    List<Diagnostic> diagnostics = collected.diagnostics;
    List<Path> files = findFiles(root, diagnostics);
    if (files.isEmpty()) {
      diagnostics.add(Diagnostic.error(root.toString(), SourceMap.Mark.UNKNOWN, "", "no-specs",
          "no *.yaml or *.yml files found", "point at the folder that holds your specs"));
    }
    for (Path file : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        diagnostics.add(Diagnostic.error(file.toString(), SourceMap.Mark.UNKNOWN, "", "unreadable",
            "cannot read file: " + e.getMessage(), null));
        continue;
      }
      loadFile(file.toString(), file.toAbsolutePath().getParent(), bytes, collected);
    }
    return collected.done();
  }

  /** What loading has gathered so far. */
  private static final class Collected {
    final SpecRoot root;
    final List<Resource<?>> resources = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<Draft> drafts = new ArrayList<>();

    Collected(SpecRoot root) {
      this.root = root;
    }

    Loaded done() {
      return new Loaded(resources, drafts, diagnostics);
    }
  }

  private void loadFile(String file, Path dir, byte[] bytes, Collected collected) {
    YamlReader.Result read = YamlReader.read(file, bytes, limits);
    collected.diagnostics.addAll(read.diagnostics());
    for (YamlReader.Document document : read.documents()) {
      loadDocument(document, dir, collected).ifPresent(collected.resources::add);
    }
  }

  private Optional<Resource<?>> loadDocument(YamlReader.Document document, Path dir, Collected collected) {
    List<Diagnostic> out = collected.diagnostics;
    JsonNode root = document.root();
    SourceMap.Mark start = document.sourceMap().value("");
    if (!root.isObject()) {
      out.add(Diagnostic.error(document.file(), start, "", "not-a-resource",
          "a resource must be a mapping with apiVersion, kind, metadata and spec", null));
      return Optional.empty();
    }
    Optional<Kind> kind = kindOf(document, out);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    List<Diagnostic> problems = new ArrayList<>();
    Interpolator.Substitutions substitutions = interpolator.apply(document, dir, collected.root, problems);
    Set<String> secrets = substitutions.pointers();
    Set<String> unresolved = problems.stream().map(Diagnostic::pointer).collect(java.util.stream.Collectors.toSet());
    for (Diagnostic d : validate(kind.get(), document, substitutions)) {
      if (!unresolved.contains(d.pointer())) {
        problems.add(d);
      }
    }
    out.addAll(problems);
    JsonNode name = root.path("metadata").path("name");
    if (!name.isString()) {
      return Optional.empty();
    }
    Draft draft = new Draft(kind.get(), name.asString(), document, secrets, collected.root);
    collected.drafts.add(draft);
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    out.addAll(InertFields.of(kind.get(), document)); // warnings: the resource loads all the same
    try {
      Metadata metadata = MAPPER.treeToValue(root.get("metadata"), Metadata.class);
      Record spec = MAPPER.treeToValue(root.get("spec"), kind.get().specType());
      return Optional.of(new Resource<>(draft, metadata, spec));
    } catch (JacksonException e) {
      out.add(Diagnostic.error(document.file(), start, "", "bind",
          "cannot read " + kind.get().wireName() + ": " + e.getOriginalMessage(), null));
      return Optional.empty();
    }
  }

  /**
   * Validates a document; where the schema wanted a number or boolean and found a lone interpolated placeholder
   * ({@code max_tokens: ${env:MAX}}), the text is typed and the document validated again.
   */
  private List<Diagnostic> validate(Kind kind, YamlReader.Document document, Interpolator.Substitutions subs) {
    List<Diagnostic> found = validator.validate(kind, document, subs.pointers());
    boolean retyped = false;
    for (Diagnostic d : found) {
      if (d.code().equals("wrong-type") && subs.typeable().contains(d.pointer())) {
        retyped |= Scalars.retype(document.root(), d.pointer());
      }
    }
    return retyped ? validator.validate(kind, document, subs.pointers()) : found;
  }

  private static Optional<Kind> kindOf(YamlReader.Document document, List<Diagnostic> out) {
    JsonNode kindNode = document.root().get("kind");
    SourceMap map = document.sourceMap();
    if (kindNode == null || !kindNode.isString()) {
      out.add(Diagnostic.error(document.file(), map.value(kindNode == null ? "" : "/kind"), "/kind", "missing-kind",
          kindNode == null ? "missing required field 'kind'" : "'kind' must be a text",
          "add 'kind:' with one of " + String.join(", ", Kind.wireNames())));
      return Optional.empty();
    }
    Optional<Kind> kind = Kind.fromWireName(kindNode.asString());
    if (kind.isEmpty()) {
      String hint = Suggestions.didYouMean(kindNode.asString(), Kind.wireNames());
      out.add(Diagnostic.error(document.file(), map.value("/kind"), "/kind", "unknown-kind",
          "unknown kind '" + kindNode.asString() + "': use one of " + String.join(", ", Kind.wireNames()), hint));
    }
    return kind;
  }

  /**
   * The spec files under {@code root} ({@link SpecTree}), sorted; a folder that cannot be read or a symlink loop
   * becomes a diagnostic, and the rest of the tree is still read.
   */
  private static List<Path> findFiles(Path root, List<Diagnostic> diagnostics) {
    List<Path> files = new ArrayList<>();
    try {
      SpecTree.walk(root, new SpecTree.Visitor() {
        @Override
        public void specFile(Path file, BasicFileAttributes attrs) {
          files.add(file);
        }

        @Override
        public void failed(Path file, IOException e) {
          String why = e instanceof FileSystemLoopException ? "symlink loop" : "cannot read: " + e.getMessage();
          diagnostics.add(Diagnostic.error(file.toString(), SourceMap.Mark.UNKNOWN, "", "unreadable", why,
              e instanceof FileSystemLoopException ? "remove the link that points back up the tree" : null));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    return files;
  }
}
