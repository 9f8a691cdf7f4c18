package dev.agentry.engine.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads YAML files into JSON trees with a {@link SourceMap}, one per document, and turns every problem into a
 * {@link Diagnostic} instead of an exception.
 *
 * <p>Works on the parser's event stream (snakeyaml-engine's {@link Parse}) rather than its recursive composer, so
 * hostile input is bounded by {@link Limits}: file size, nesting depth, alias count and the number of values after
 * alias expansion (a "billion laughs" file gets a diagnostic, not an out-of-memory). Anchors, aliases and merge keys
 * ({@code <<}) work; duplicate keys, non-UTF-8 bytes and custom tags (the way YAML loaders name code to run) are
 * rejected at their position.
 */
public final class YamlReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Bounds that keep hostile input from hanging the loader or exhausting memory. */
  public record Limits(int maxFileBytes, int maxDepth, int maxAliases, int maxValues) {
    /** 1 MiB per file, 64 levels, 1,000 aliases, 200,000 values per document after alias expansion. */
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
    Builder builder = new Builder(file, limits, diagnostics);
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
    return new Result(List.copyOf(builder.documents), diagnostics);
  }

  static SourceMap.Mark mark(Optional<Mark> mark) {
    return mark.map(m -> new SourceMap.Mark(m.getLine() + 1, m.getColumn() + 1)).orElse(SourceMap.Mark.UNKNOWN);
  }

  private static Diagnostic error(
      String file, SourceMap.Mark at, String pointer, String code, String message, @Nullable String hint) {
    return Diagnostic.error(file, at, pointer, code, message, hint);
  }

  /** Builds JSON trees from parser events; one instance per file. */
  private static final class Builder {
    private final String file;
    private final Limits limits;
    private final List<Diagnostic> diagnostics;
    private final List<Document> documents = new ArrayList<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private SourceMap sourceMap = SourceMap.builder();
    private Set<String> plainTemplates = new HashSet<>();
    private @Nullable JsonNode root;
    private int values;
    private int aliases;

    Builder(String file, Limits limits, List<Diagnostic> diagnostics) {
      this.file = file;
      this.limits = limits;
      this.diagnostics = diagnostics;
    }

    /** Handles one event; false stops reading the file (a limit was hit or the structure is unusable). */
    boolean accept(Event event) {
      switch (event.getEventId()) {
        case DocumentStart -> {
          sourceMap = SourceMap.builder();
          plainTemplates = new HashSet<>();
          root = null;
          anchors.clear();
          values = 0;
        }
        case DocumentEnd -> {
          if (root != null) {
            documents.add(new Document(file, documents.size(), root, sourceMap.freeze(), plainTemplates));
          }
        }
        case MappingStart, SequenceStart -> {
          return startCollection((NodeEvent) event);
        }
        case MappingEnd, SequenceEnd -> {
          return endCollection();
        }
        case Scalar -> {
          return scalar((ScalarEvent) event);
        }
        case Alias -> {
          return alias((AliasEvent) event);
        }
        default -> {}
      }
      return true;
    }

    private boolean startCollection(NodeEvent event) {
      SourceMap.Mark at = mark(event.getStartMark());
      if (!checkTag(tagOf(event), at)) {
        return false;
      }
      if (stack.size() >= limits.maxDepth()) {
        diagnostics.add(error(file, at, "", "too-deep",
            "nesting is deeper than " + limits.maxDepth() + " levels", "flatten the structure"));
        return false;
      }
      Frame parent = stack.peek();
      if (parent != null && parent.expectsKey()) {
        diagnostics.add(error(file, at, parent.pointer, "complex-key",
            "a key must be a plain value, not a mapping or a list", "write the key as text"));
        return false;
      }
      String pointer = parent == null ? "" : parent.childPointer();
      boolean mapping = event.getEventId() == Event.ID.MappingStart;
      JsonNode node = mapping ? NODES.objectNode() : NODES.arrayNode();
      if (!count(1, at)) {
        return false;
      }
      sourceMap.putValue(pointer, at);
      stack.push(new Frame(node, pointer, event.getAnchor().map(a -> a.getValue()).orElse(null)));
      return true;
    }

    private boolean endCollection() {
      Frame frame = stack.pop();
      if (frame.node instanceof ObjectNode object) {
        frame.applyMerges(object, sourceMap, this);
      }
      if (frame.anchor != null) {
        anchors.put(frame.anchor, new Anchored(frame.node, frame.pointer));
      }
      return attach(frame.node);
    }

    private boolean scalar(ScalarEvent event) {
      SourceMap.Mark at = mark(event.getStartMark());
      Frame parent = stack.peek();
      if (parent != null && parent.expectsKey()) {
        return parent.key(event.getValue(), event.isPlain(), at, this);
      }
      String pointer = parent == null ? "" : parent.childPointer();
      Optional<String> tag = event.getTag();
      if (!checkTag(tag.orElse(null), at)) {
        return false;
      }
      JsonNode node = Scalars.resolve(event.getValue(), event.isPlain() && tag.isEmpty(), tag.orElse(null));
      if (node == null) {
        diagnostics.add(error(file, at, pointer, "bad-scalar",
            "'" + event.getValue() + "' is not a valid " + Scalars.tagName(tag.orElse("")), null));
        node = NODES.stringNode(event.getValue());
      }
      if (!count(1, at)) {
        return false;
      }
      sourceMap.putValue(pointer, at);
      if (event.isPlain() && event.getValue().contains("${")) {
        plainTemplates.add(pointer);
      }
      if (event.getAnchor().isPresent()) {
        anchors.put(event.getAnchor().get().getValue(), new Anchored(node, pointer));
      }
      return attach(node);
    }

    private boolean alias(AliasEvent event) {
      SourceMap.Mark at = mark(event.getStartMark());
      String name = event.getAlias().getValue();
      Anchored anchored = anchors.get(name);
      Frame parent = stack.peek();
      if (anchored == null) {
        diagnostics.add(error(file, at, parent == null ? "" : parent.pointer, "unknown-anchor",
            "unknown anchor '*" + name + "'", Suggestions.didYouMean(name, anchors.keySet())));
        return false;
      }
      if (parent != null && parent.expectsKey()) {
        diagnostics.add(error(file, at, parent.pointer, "complex-key", "an alias cannot be used as a key", null));
        return false;
      }
      if (++aliases > limits.maxAliases()) {
        diagnostics.add(error(file, at, "", "too-many-aliases",
            "more than " + limits.maxAliases() + " aliases in one file", "repeat less, or split the file"));
        return false;
      }
      String pointer = parent == null ? "" : parent.childPointer();
      if (!count(size(anchored.node), at)) {
        return false;
      }
      copyPositions(anchored.pointer, pointer, at);
      return attach(anchored.node.deepCopy());
    }

    /** Positions of an aliased subtree are those of the anchored original; the alias itself marks the root. */
    void copyPositions(String from, String to, SourceMap.Mark rootMark) {
      sourceMap.putValue(to, rootMark);
      sourceMap.copyPrefix(from, to);
    }

    private boolean attach(JsonNode node) {
      Frame parent = stack.peek();
      if (parent == null) {
        root = node;
        return true;
      }
      parent.add(node);
      return true;
    }

    void duplicateKey(String key, String pointer, SourceMap.Mark at) {
      SourceMap.Mark first = sourceMap.key(pointer);
      diagnostics.add(error(file, at, pointer, "duplicate-key",
          "duplicate key '" + key + "' (first defined at line " + first.line() + ")",
          "remove one of them; YAML keys must be unique"));
    }

    void badMerge(String pointer) {
      diagnostics.add(error(file, sourceMap.value(pointer), pointer, "bad-merge",
          "a merge key '<<' takes a mapping or a list of mappings", "point it at an anchored mapping: <<: *defaults"));
    }

    void putKey(String pointer, SourceMap.Mark at) {
      sourceMap.putKey(pointer, at);
    }

    private boolean count(int n, SourceMap.Mark at) {
      values += n;
      if (values > limits.maxValues()) {
        diagnostics.add(error(file, at, "", "too-many-values",
            "document expands to more than " + limits.maxValues() + " values (aliases repeated too often?)",
            "reduce alias use"));
        return false;
      }
      return true;
    }

    private boolean checkTag(@Nullable String tag, SourceMap.Mark at) {
      if (tag == null || Scalars.isStandard(tag)) {
        return true;
      }
      diagnostics.add(error(file, at, "", "unsupported-tag",
          "tag '" + tag + "' is not supported: specs are plain data and cannot name code or types",
          "remove the tag"));
      return false;
    }

    private static @Nullable String tagOf(NodeEvent event) {
      return event instanceof org.snakeyaml.engine.v2.events.CollectionStartEvent c ? c.getTag().orElse(null) : null;
    }

    private static int size(JsonNode node) {
      int n = 1;
      for (JsonNode child : node) {
        n += size(child);
      }
      return n;
    }
  }

  private record Anchored(JsonNode node, String pointer) {}

  /** One open mapping or sequence. */
  private static final class Frame {
    final JsonNode node;
    final String pointer;
    final @Nullable String anchor;
    private @Nullable String pendingKey;
    private boolean pendingMerge;
    private final List<JsonNode> merges = new ArrayList<>();
    private final List<String> mergePointers = new ArrayList<>();

    Frame(JsonNode node, String pointer, @Nullable String anchor) {
      this.node = node;
      this.pointer = pointer;
      this.anchor = anchor;
    }

    boolean expectsKey() {
      return node instanceof ObjectNode && pendingKey == null && !pendingMerge;
    }

    String childPointer() {
      if (node instanceof ArrayNode array) {
        return SourceMap.child(pointer, array.size());
      }
      return pendingMerge ? SourceMap.child(pointer, "<<" + merges.size()) : SourceMap.child(pointer, pendingKey);
    }

    boolean key(String key, boolean plain, SourceMap.Mark at, Builder builder) {
      if (plain && "<<".equals(key)) {
        pendingMerge = true;
        return true;
      }
      String child = SourceMap.child(pointer, key);
      if (node.has(key)) {
        builder.duplicateKey(key, child, at);
      }
      builder.putKey(child, at);
      pendingKey = key;
      return true;
    }

    void add(JsonNode value) {
      if (node instanceof ArrayNode array) {
        array.add(value);
      } else if (pendingMerge) {
        mergePointers.add(childPointer());
        merges.add(value);
        pendingMerge = false;
      } else {
        ((ObjectNode) node).set(pendingKey, value);
        pendingKey = null;
      }
    }

    /** Applies {@code <<} merge keys: keys written in the mapping win, then earlier merge sources win. */
    void applyMerges(ObjectNode object, SourceMap sourceMap, Builder builder) {
      for (int i = 0; i < merges.size(); i++) {
        JsonNode source = merges.get(i);
        List<JsonNode> sources = new ArrayList<>();
        if (source instanceof ArrayNode list) {
          list.forEach(sources::add);
        } else {
          sources.add(source);
        }
        for (int s = 0; s < sources.size(); s++) {
          JsonNode each = sources.get(s);
          String from = source instanceof ArrayNode ? SourceMap.child(mergePointers.get(i), s) : mergePointers.get(i);
          if (!(each instanceof ObjectNode entries)) {
            builder.badMerge(from);
            break;
          }
          for (var entry : entries.properties()) {
            if (!object.has(entry.getKey())) {
              object.set(entry.getKey(), entry.getValue().deepCopy());
              sourceMap.copyPrefix(SourceMap.child(from, entry.getKey()), SourceMap.child(pointer, entry.getKey()));
            }
          }
        }
      }
    }
  }
}
