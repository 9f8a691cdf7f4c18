package dev.agentry.engine.spec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces {@code ${env:NAME}}, {@code ${env:NAME:-default}} and {@code ${file:PATH}} in string values of a
 * document, in place; {@code $${} writes a literal {@code ${}.
 *
 * <p>Substituted values are text. A plain (unquoted) scalar that is exactly one placeholder is marked
 * {@linkplain Substitutions#typeable() typeable}: the loader turns it into a number or boolean only where the schema
 * expects one ({@code max_tokens: ${env:MAX}}), so a digits-only API key stays text. The pointers of every
 * substituted value are returned so that no diagnostic ever prints them: they may hold secrets. {@code file:} paths
 * are relative to the YAML file's folder and confined to the spec root ({@link SpecRoot}: no file outside it, none
 * under {@code /proc}, {@code /dev} or {@code /sys}, regular files of at most 1 MiB only).
 */
public final class Interpolator {
  private static final int MAX_FILE_BYTES = 1 << 20;
  private static final List<String> SOURCES = List.of("env", "file");

  private final Function<String, @Nullable String> env;

  private Interpolator(Function<String, @Nullable String> env) {
    this.env = env;
  }

  /** An interpolator reading variables through {@code env} (usually {@code System::getenv}). */
  public static Interpolator of(Function<String, @Nullable String> env) {
    return new Interpolator(env);
  }

  /** An interpolator over a fixed map of variables, for tests and embedding. */
  public static Interpolator of(Map<String, String> variables) {
    return new Interpolator(variables::get);
  }

  /**
   * What a substitution pass did.
   *
   * @param pointers the JSON Pointers whose values were produced by substitution
   * @param typeable those of them that were a lone placeholder in a plain scalar, and may become a number or boolean
   */
  public record Substitutions(Set<String> pointers, Set<String> typeable) {}

  /** Substitutes every placeholder of {@code document}; problems are added to {@code diagnostics}. */
  public Substitutions apply(YamlReader.Document document, Path fileDir, SpecRoot root, List<Diagnostic> diagnostics) {
    Substitutions done = new Substitutions(new HashSet<>(), new HashSet<>());
    walk(document.root(), "", new Place(document, fileDir, root, diagnostics), done);
    return new Substitutions(Set.copyOf(done.pointers()), Set.copyOf(done.typeable()));
  }

  /** Where a pass is: the document, its file's folder, the spec root, and where problems go. */
  private record Place(YamlReader.Document document, Path dir, SpecRoot root, List<Diagnostic> diagnostics) {}

  private void walk(JsonNode node, String pointer, Place place, Substitutions substituted) {
    if (node instanceof ObjectNode object) {
      for (String name : List.copyOf(object.propertyNames())) {
        String child = SourceMap.child(pointer, name);
        JsonNode value = object.get(name);
        JsonNode replaced = replace(value, child, place, substituted);
        if (replaced != null) {
          object.set(name, replaced);
        } else {
          walk(value, child, place, substituted);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String child = SourceMap.child(pointer, i);
        JsonNode replaced = replace(array.get(i), child, place, substituted);
        if (replaced != null) {
          array.set(i, replaced);
        } else {
          walk(array.get(i), child, place, substituted);
        }
      }
    }
  }

  private @Nullable JsonNode replace(JsonNode value, String pointer, Place place, Substitutions substituted) {
    YamlReader.Document document = place.document();
    if (!value.isString() || !value.stringValue().contains("${")) {
      return null;
    }
    String text = value.stringValue();
    StringBuilder out = new StringBuilder();
    int placeholders = 0;
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("$${", i)) {
        out.append("${");
        i += 3;
        continue;
      }
      if (!text.startsWith("${", i)) {
        out.append(text.charAt(i++));
        continue;
      }
      int end = text.indexOf('}', i);
      SourceMap.Mark at = document.sourceMap().value(pointer);
      if (end < 0) {
        place.diagnostics().add(Diagnostic.error(document.file(), at, pointer, "bad-interpolation",
            "unterminated '${' in value", "close it with '}', or write '$${' for a literal '${'"));
        return null;
      }
      String resolved = resolve(text.substring(i + 2, end), pointer, at, place);
      if (resolved == null) {
        return null;
      }
      out.append(resolved);
      placeholders++;
      i = end + 1;
    }
    if (placeholders > 0) {
      substituted.pointers().add(pointer);
    }
    boolean alone = placeholders == 1 && text.startsWith("${") && text.indexOf('}') == text.length() - 1;
    if (alone && document.plainTemplates().contains(pointer)) {
      substituted.typeable().add(pointer);
    }
    return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(out.toString());
  }

  private @Nullable String resolve(String expression, String pointer, SourceMap.Mark at, Place place) {
    String file = place.document().file();
    List<Diagnostic> diagnostics = place.diagnostics();
    int colon = expression.indexOf(':');
    String source = colon < 0 ? expression : expression.substring(0, colon);
    String argument = colon < 0 ? "" : expression.substring(colon + 1);
    switch (source) {
      case "env" -> {
        int dash = argument.indexOf(":-");
        String name = dash < 0 ? argument : argument.substring(0, dash);
        String value = env.apply(name);
        if (value != null) {
          return value;
        }
        if (dash >= 0) {
          return argument.substring(dash + 2);
        }
        diagnostics.add(Diagnostic.error(file, at, pointer, "unset-variable",
            "environment variable '" + name + "' is not set",
            "set it, or give a default: ${env:" + name + ":-value}"));
        return null;
      }
      case "file" -> {
        switch (place.root().read("file", argument, place.dir(), MAX_FILE_BYTES)) {
          case SpecRoot.Refusal refusal -> {
            diagnostics.add(Diagnostic.error(file, at, pointer, refusal.code(), refusal.message(), refusal.hint()));
            return null;
          }
          case SpecRoot.Bytes read -> {
            try {
              String content = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(read.bytes())).toString();
              return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
            } catch (CharacterCodingException e) {
              diagnostics.add(Diagnostic.error(file, at, pointer, "bad-interpolation",
                  "file '" + argument + "' is not UTF-8 text", "a spec reads text files only"));
              return null;
            }
          }
        }
      }
      default -> {
        diagnostics.add(Diagnostic.error(file, at, pointer, "bad-interpolation",
            "unknown interpolation source '" + source + "' in '${" + source + ":...}'",
            hintFor(source)));
        return null;
      }
    }
  }

  private static String hintFor(String source) {
    String near = Suggestions.didYouMean(source, SOURCES);
    return near != null ? near : "use ${env:NAME}, ${env:NAME:-default} or ${file:PATH}";
  }
}
