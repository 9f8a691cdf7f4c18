package dev.agentry.engine.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.databind.JsonNode;

/**
 * Reads YAML files into JSON trees with a {@link SourceMap}, one per document, and turns every problem into a
 * {@link Diagnostic} instead of an exception.
 *
 * <p>Works on the parser's event stream (snakeyaml-engine's {@link Parse}) rather than its recursive composer, so
 * hostile input is bounded by {@link Limits}: file size, nesting depth, alias count, and the number of values the
 * file composes to with its aliases and merge keys ({@code <<}) expanded, counted before they are expanded (see
 * {@link YamlComposer}): a "billion laughs" file or a merge-key bomb gets a diagnostic, not a hang or an
 * out-of-memory. Anchors, aliases and merge keys work; duplicate keys, non-UTF-8 bytes and custom tags (the way YAML
 * loaders name code to run) are rejected at their position.
 */
public final class YamlReader {
  /** Bounds that keep hostile input from hanging the loader or exhausting memory. */
  public record Limits(int maxFileBytes, int maxDepth, int maxAliases, int maxValues) {
    /** 1 MiB per file, 64 levels, 1,000 aliases, 200,000 values per file once aliases and merge keys are composed. */
    public static final Limits DEFAULT = new Limits(1 << 20, 64, 1_000, 200_000);
  }

  /** One YAML document of a file: its JSON tree, where each part was written, and its index in the file. */
  public record Document(String file, int index, JsonNode root, SourceMap sourceMap, Set<String> plainTemplates) {
    public Document {
      plainTemplates = Set.copyOf(plainTemplates);
    }
  }

  /** The documents read from a file and the problems found while reading it. */
  public record Result(List<Document> documents, List<Diagnostic> diagnostics) {}

  private YamlReader() {}

  /** Reads every document of one file. Never throws for bad input: problems become diagnostics. */
  public static Result read(String file, byte[] bytes, Limits limits) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (bytes.length > limits.maxFileBytes()) {
      diagnostics.add(error(file, new SourceMap.Mark(1, 1), "", "file-too-large",
          "file is " + bytes.length + " bytes, over the limit of " + limits.maxFileBytes() + " bytes",
          "split the resources into several files"));
      return new Result(List.of(), diagnostics);
    }
    String text = Utf8Text.decode(file, bytes, diagnostics);
    if (text == null) {
      return new Result(List.of(), diagnostics);
    }
    YamlComposer builder = new YamlComposer(file, limits, diagnostics);
    LoadSettings settings = LoadSettings.builder().setLabel(file).setUseMarks(true).build();
    try {
      for (Event event : new Parse(settings).parseString(text)) {
        if (!builder.accept(event)) {
          break;
        }
      }
    } catch (MarkedYamlEngineException e) {
      diagnostics.add(YamlErrors.toDiagnostic(file, e));
    } catch (YamlEngineException e) {
      diagnostics.add(error(file, new SourceMap.Mark(1, 1), "", "yaml-syntax", YamlErrors.plain(e.getMessage()), null));
    }
    return new Result(builder.documents(), diagnostics);
  }

  static SourceMap.Mark mark(Optional<Mark> mark) {
    return mark.map(m -> new SourceMap.Mark(m.getLine() + 1, m.getColumn() + 1)).orElse(SourceMap.Mark.UNKNOWN);
  }

  static Diagnostic error(
      String file, SourceMap.Mark at, String pointer, String code, String message, @Nullable String hint) {
    return Diagnostic.error(file, at, pointer, code, message, hint);
  }
}
