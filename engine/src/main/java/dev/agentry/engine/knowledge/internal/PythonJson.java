package dev.agentry.engine.knowledge.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a value as Python's {@code json.dumps(value, sort_keys=True, default=str)} does ({@code ", "} and
 * {@code ": "} separators, non-ASCII escaped), so content hashes that include metadata match Agno's.
 */
final class PythonJson {
  private PythonJson() {}

  static String dumpsSorted(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, @Nullable Object value) {
    switch (value) {
      case null -> out.append("null");
      case Boolean b -> out.append(b ? "true" : "false");
      case Integer i -> out.append(i);
      case Long l -> out.append(l);
      case Short s -> out.append(s);
      case Byte b -> out.append(b);
      case java.math.BigInteger i -> out.append(i);
      case Double d -> out.append(pythonFloat(d));
      case Float f -> out.append(pythonFloat(f.doubleValue()));
      case CharSequence s -> string(out, s.toString());
      case Map<?, ?> map -> {
        List<String> keys = new ArrayList<>();
        map.keySet().forEach(k -> keys.add(String.valueOf(k)));
        keys.sort(null);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          string(out, keys.get(i));
          out.append(": ");
          write(out, lookup(map, keys.get(i)));
        }
        out.append('}');
      }
      case Collection<?> list -> {
        out.append('[');
        int i = 0;
        for (Object item : list) {
          if (i++ > 0) {
            out.append(", ");
          }
          write(out, item);
        }
        out.append(']');
      }
      default -> string(out, value.toString());
    }
  }

  private static @Nullable Object lookup(Map<?, ?> map, String key) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (String.valueOf(e.getKey()).equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String pythonFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return String.format(java.util.Locale.ROOT, "%.1f", d);
    }
    String s = Double.toString(d);
    return s.contains("E") ? s.replace("E", "e") : s;
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
