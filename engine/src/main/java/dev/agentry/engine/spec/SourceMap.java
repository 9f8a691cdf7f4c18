package dev.agentry.engine.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

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

  /** A map to fill while reading; sorted, so that everything under a pointer is one range (see {@link #under}). */
  static SourceMap builder() {
    return new SourceMap(new TreeMap<>(), new TreeMap<>());
  }

  void putValue(String pointer, Mark mark) {
    values.putIfAbsent(pointer, mark);
  }

  void putKey(String pointer, Mark mark) {
    keys.putIfAbsent(pointer, mark);
  }

  /** How many value positions {@code from} and everything under it hold: what {@link #copyPrefix} would copy. */
  int countPrefix(String from) {
    return (values.containsKey(from) ? 1 : 0) + under(values, from).size();
  }

  /**
   * Copies every position under {@code from} to the same relative place under {@code to} (aliases, merges). Only
   * the range under {@code from} is visited, so a copy costs what it copies, not the size of the whole map.
   */
  void copyPrefix(String from, String to) {
    copyPrefix(values, from, to);
    copyPrefix(keys, from, to);
  }

  private static void copyPrefix(Map<String, Mark> map, String from, String to) {
    List<Map.Entry<String, Mark>> copies = new ArrayList<>();
    Mark self = map.get(from);
    if (self != null) {
      copies.add(Map.entry(to, self));
    }
    under(map, from).forEach((pointer, mark) -> copies.add(Map.entry(to + pointer.substring(from.length()), mark)));
    copies.forEach(copy -> map.putIfAbsent(copy.getKey(), copy.getValue()));
  }

  /** The entries strictly under {@code pointer}: those starting with {@code pointer + "/"} ('0' follows '/'). */
  private static Map<String, Mark> under(Map<String, Mark> map, String pointer) {
    return ((NavigableMap<String, Mark>) map).subMap(pointer + "/", true, pointer + "0", false);
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
