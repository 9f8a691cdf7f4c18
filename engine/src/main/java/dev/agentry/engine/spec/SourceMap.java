package dev.agentry.engine.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps JSON Pointers inside one YAML document to where they were written, so that schema errors (reported by
 * instance location) and compile errors (reported by spec path) both resolve to file:line:column.
 *
 * <p>For a mapping entry two places are kept: the key (where an unknown or misspelt field is reported) and the value
 * (where a wrong type or value is reported). Built by {@link YamlReader}; immutable once the document is read.
 */
public final class SourceMap {
  /** A 1-based position in a file. */
  public record Mark(int line, int column) {
    /** The unknown position, used when nothing better is known. */
    public static final Mark UNKNOWN = new Mark(0, 0);
  }

  private final Map<String, Mark> values;
  private final Map<String, Mark> keys;

  SourceMap(Map<String, Mark> values, Map<String, Mark> keys) {
    this.values = values;
    this.keys = keys;
  }

  static SourceMap builder() {
    return new SourceMap(new HashMap<>(), new HashMap<>());
  }

  void putValue(String pointer, Mark mark) {
    values.putIfAbsent(pointer, mark);
  }

  void putKey(String pointer, Mark mark) {
    keys.putIfAbsent(pointer, mark);
  }

  /** Copies every position under {@code from} to the same relative place under {@code to} (aliases, merges). */
  void copyPrefix(String from, String to) {
    copyPrefix(values, from, to);
    copyPrefix(keys, from, to);
  }

  private static void copyPrefix(Map<String, Mark> map, String from, String to) {
    Map<String, Mark> copies = new HashMap<>();
    map.forEach((pointer, mark) -> {
      if (pointer.equals(from) || pointer.startsWith(from + "/")) {
        copies.put(to + pointer.substring(from.length()), mark);
      }
    });
    copies.forEach(map::putIfAbsent);
  }

  SourceMap freeze() {
    return new SourceMap(Map.copyOf(values), Map.copyOf(keys));
  }

  /** Where the value at {@code pointer} starts; falls back to the nearest ancestor that is known. */
  public Mark value(String pointer) {
    return find(values, pointer);
  }

  /** Where the key of the entry at {@code pointer} is written; falls back to its value, then to an ancestor. */
  public Mark key(String pointer) {
    Mark mark = keys.get(pointer);
    return mark != null ? mark : value(pointer);
  }

  private Mark find(Map<String, Mark> map, String pointer) {
    String p = pointer;
    while (true) {
      Mark mark = map.get(p);
      if (mark != null) {
        return mark;
      }
      if (p.isEmpty()) {
        return Mark.UNKNOWN;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Appends a reference token to a JSON Pointer, escaping {@code ~} and {@code /} as RFC 6901 requires. */
  public static String child(String pointer, String token) {
    return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  /** Appends an array index to a JSON Pointer. */
  public static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
