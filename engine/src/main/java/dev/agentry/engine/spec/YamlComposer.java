package dev.agentry.engine.spec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Composes the JSON trees of one file from its parser events, within {@link YamlReader.Limits}; one instance per
 * file, used by {@link YamlReader}.
 *
 * <p>Every value has a weight: the number of values it stands for once the document is composed. A scalar weighs 1;
 * an alias weighs what its anchor weighs; a mapping weighs itself, its entries and its merge sources ({@code <<}),
 * which bounds what it holds once the merges are applied. Weights are charged to the file's budget <em>before</em>
 * an alias is copied, and the entries a merge takes before they are copied, so a "billion laughs" file or a
 * merge-key bomb ({@code <<: [*m1, *m1]} nested level upon level) stops with a diagnostic at the alias or merge that
 * would overflow, after work proportional to the budget. Merge sources are read where their anchor was written,
 * never copied, so they cost no positions of their own; a chain of mappings each merging the one before weighs what
 * it holds, so inheritance stays cheap.
 */
final class YamlComposer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String file;
  private final YamlReader.Limits limits;
  private final List<Diagnostic> diagnostics;
  private final List<YamlReader.Document> documents = new ArrayList<>();
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final Map<String, Anchored> anchors = new HashMap<>();
  private SourceMap sourceMap = SourceMap.builder();
  private Set<String> plainTemplates = new HashSet<>();
  private @Nullable JsonNode root;
  /** Values composed so far in the whole file: the budget is per file, so many small bombs cannot add up. */
  private long values;
  private int aliases;

  YamlComposer(String file, YamlReader.Limits limits, List<Diagnostic> diagnostics) {
    this.file = file;
    this.limits = limits;
    this.diagnostics = diagnostics;
  }

  List<YamlReader.Document> documents() {
    return List.copyOf(documents);
  }

  /** Handles one event; false stops reading the file (a limit was hit or the structure is unusable). */
  boolean accept(Event event) {
    switch (event.getEventId()) {
      case DocumentStart -> {
        sourceMap = SourceMap.builder();
        plainTemplates = new HashSet<>();
        root = null;
        anchors.clear();
      }
      case DocumentEnd -> {
        if (root != null) {
          documents.add(new YamlReader.Document(file, documents.size(), root, sourceMap.freeze(), plainTemplates));
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
    SourceMap.Mark at = YamlReader.mark(event.getStartMark());
    if (!checkTag(event instanceof CollectionStartEvent c ? c.getTag().orElse(null) : null, at)) {
      return false;
    }
    if (stack.size() >= limits.maxDepth()) {
      diagnostics.add(error(at, "", "too-deep",
          "nesting is deeper than " + limits.maxDepth() + " levels", "flatten the structure"));
      return false;
    }
    Frame parent = stack.peek();
    if (parent != null && parent.expectsKey()) {
      diagnostics.add(error(at, parent.pointer, "complex-key",
          "a key must be a plain value, not a mapping or a list", "write the key as text"));
      return false;
    }
    String pointer = parent == null ? "" : parent.childPointer();
    boolean mapping = event.getEventId() == Event.ID.MappingStart;
    if (!count(1, at, pointer)) {
      return false;
    }
    sourceMap.putValue(pointer, at);
    boolean mergeList = !mapping && parent != null && parent.pendingMerge;
    stack.push(new Frame(mapping ? NODES.objectNode() : NODES.arrayNode(), pointer, at, mergeList,
        event.getAnchor().map(a -> a.getValue()).orElse(null)));
    return true;
  }

  private boolean endCollection() {
    Frame frame = stack.pop();
    if (frame.node instanceof ObjectNode object && !applyMerges(frame, object)) {
      return false;
    }
    if (frame.anchor != null) {
      anchors.put(frame.anchor, new Anchored(frame.node, frame.pointer, frame.weight));
    }
    Source self = new Source(frame.node, frame.pointer, frame.at);
    return attach(frame.node, self, frame.mergeList ? frame.listSources : sources(self), frame.weight);
  }

  private boolean scalar(ScalarEvent event) {
    SourceMap.Mark at = YamlReader.mark(event.getStartMark());
    Frame parent = stack.peek();
    if (parent != null && parent.expectsKey()) {
      return key(parent, event.getValue(), event.isPlain(), at);
    }
    String pointer = parent == null ? "" : parent.childPointer();
    Optional<String> tag = event.getTag();
    if (!checkTag(tag.orElse(null), at)) {
      return false;
    }
    JsonNode node = Scalars.resolve(event.getValue(), event.isPlain() && tag.isEmpty(), tag.orElse(null));
    if (node == null) {
      diagnostics.add(error(at, pointer, "bad-scalar",
          "'" + event.getValue() + "' is not a valid " + Scalars.tagName(tag.orElse("")), null));
      node = NODES.stringNode(event.getValue());
    }
    if (!count(1, at, pointer)) {
      return false;
    }
    sourceMap.putValue(pointer, at);
    if (event.isPlain() && event.getValue().contains("${")) {
      plainTemplates.add(pointer);
    }
    if (event.getAnchor().isPresent()) {
      anchors.put(event.getAnchor().get().getValue(), new Anchored(node, pointer, 1));
    }
    Source self = new Source(node, pointer, at);
    return attach(node, self, List.of(self), 1);
  }

  private boolean alias(AliasEvent event) {
    SourceMap.Mark at = YamlReader.mark(event.getStartMark());
    String name = event.getAlias().getValue();
    Anchored anchored = anchors.get(name);
    Frame parent = stack.peek();
    if (anchored == null) {
      diagnostics.add(error(at, parent == null ? "" : parent.pointer, "unknown-anchor",
          "unknown anchor '*" + name + "'", Suggestions.didYouMean(name, anchors.keySet())));
      return false;
    }
    if (parent != null && parent.expectsKey()) {
      diagnostics.add(error(at, parent.pointer, "complex-key", "an alias cannot be used as a key", null));
      return false;
    }
    if (++aliases > limits.maxAliases()) {
      diagnostics.add(error(at, "", "too-many-aliases",
          "more than " + limits.maxAliases() + " aliases in one file", "repeat less, or split the file"));
      return false;
    }
    String pointer = parent == null ? "" : parent.childPointer();
    // Counted before anything is copied: an alias costs what its anchor composes to, merge sources included.
    if (!count(anchored.weight, at, pointer)) {
      return false;
    }
    Source self = new Source(anchored.node, anchored.pointer, at);
    if (parent != null && (parent.pendingMerge || parent.mergeList)) {
      // only read by the merge: neither the value nor its positions are copied
      return attach(anchored.node, self, sources(self), anchored.weight);
    }
    sourceMap.putValue(pointer, at);
    sourceMap.copyPrefix(anchored.pointer, pointer);
    return attach(anchored.node.deepCopy(), self, List.of(self), anchored.weight);
  }

  /**
   * Adds a finished value to the open collection. {@code self} is the value as an element of a merge list;
   * {@code merged} is what a merge key whose whole value it is takes from it (itself, or each element of a list).
   */
  private boolean attach(JsonNode node, Source self, List<Source> merged, long weight) {
    Frame parent = stack.peek();
    if (parent == null) {
      root = node;
      return true;
    }
    parent.weight += weight;
    if (parent.node instanceof ArrayNode array) {
      array.add(node);
      if (parent.mergeList) {
        parent.listSources.add(self);
      }
    } else if (parent.pendingMerge) {
      parent.merges.addAll(merged);
      parent.pendingMerge = false;
    } else {
      ((ObjectNode) parent.node).set(parent.pendingKey, node);
      parent.pendingKey = null;
    }
    return true;
  }

  /** What a merge key takes from a value: the value itself, or each element of a list, where it was written. */
  private static List<Source> sources(Source value) {
    if (!(value.node() instanceof ArrayNode list)) {
      return List.of(value);
    }
    List<Source> each = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      each.add(new Source(list.get(i), SourceMap.child(value.pointer(), i), value.at()));
    }
    return each;
  }

  private boolean key(Frame frame, String key, boolean plain, SourceMap.Mark at) {
    if (plain && "<<".equals(key)) {
      frame.pendingMerge = true;
      return true;
    }
    String child = SourceMap.child(frame.pointer, key);
    if (frame.node.has(key)) {
      SourceMap.Mark first = sourceMap.key(child);
      diagnostics.add(error(at, child, "duplicate-key",
          "duplicate key '" + key + "' (first defined at line " + first.line() + ")",
          "remove one of them; YAML keys must be unique"));
    }
    sourceMap.putKey(child, at);
    frame.pendingKey = key;
    return true;
  }

  /**
   * Applies {@code <<} merge keys: keys written in the mapping win, then earlier merge sources win. Each entry taken
   * is counted against the budget before it is copied; false when the budget is spent.
   */
  private boolean applyMerges(Frame frame, ObjectNode object) {
    for (Source source : frame.merges) {
      if (!(source.node() instanceof ObjectNode entries)) {
        diagnostics.add(error(source.at(), frame.pointer, "bad-merge",
            "a merge key '<<' takes a mapping or a list of mappings",
            "point it at an anchored mapping: <<: *defaults"));
        return true;
      }
      for (var entry : entries.properties()) {
        if (object.has(entry.getKey())) {
          continue;
        }
        String taken = SourceMap.child(source.pointer(), entry.getKey());
        int weight = Math.max(1, sourceMap.countPrefix(taken));
        if (!count(weight, source.at(), frame.pointer)) {
          return false;
        }
        object.set(entry.getKey(), entry.getValue().deepCopy());
        sourceMap.copyPrefix(taken, SourceMap.child(frame.pointer, entry.getKey()));
      }
    }
    return true;
  }

  /** Adds {@code n} composed values to the file's budget; false (with a diagnostic at {@code at}) past it. */
  private boolean count(long n, SourceMap.Mark at, String pointer) {
    values += n;
    if (values > limits.maxValues()) {
      diagnostics.add(error(at, pointer, "too-many-values",
          "the file expands to more than " + limits.maxValues()
              + " values once its aliases and merge keys are composed",
          "repeat less through aliases and '<<' merge keys, or split the file"));
      return false;
    }
    return true;
  }

  private boolean checkTag(@Nullable String tag, SourceMap.Mark at) {
    if (tag == null || Scalars.isStandard(tag)) {
      return true;
    }
    diagnostics.add(error(at, "", "unsupported-tag",
        "tag '" + tag + "' is not supported: specs are plain data and cannot name code or types", "remove the tag"));
    return false;
  }

  private Diagnostic error(SourceMap.Mark at, String pointer, String code, String message, @Nullable String hint) {
    return YamlReader.error(file, at, pointer, code, message, hint);
  }

  /** An anchored value, with the number of values it composes to. */
  private record Anchored(JsonNode node, String pointer, long weight) {}

  /** A value a merge key takes entries from, where it was written, and where the merge names it. */
  private record Source(JsonNode node, String pointer, SourceMap.Mark at) {}

  /** One open mapping or sequence. */
  private static final class Frame {
    final JsonNode node;
    final String pointer;
    final SourceMap.Mark at;
    /** A list written as the value of a merge key: its elements are merge sources, not values of the document. */
    final boolean mergeList;
    final @Nullable String anchor;
    /**
     * The values this collection composes to: itself, its children and its merge sources. The entries a merge takes
     * are a subset of its sources, so they are charged to the file's budget when copied but not weighed twice.
     */
    long weight = 1;
    @Nullable String pendingKey;
    boolean pendingMerge;
    final List<Source> merges = new ArrayList<>();
    final List<Source> listSources = new ArrayList<>();

    Frame(JsonNode node, String pointer, SourceMap.Mark at, boolean mergeList, @Nullable String anchor) {
      this.node = node;
      this.pointer = pointer;
      this.at = at;
      this.mergeList = mergeList;
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
  }
}
