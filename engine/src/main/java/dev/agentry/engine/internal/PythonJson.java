package dev.agentry.engine.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes a value as Python's {@code json.dumps} does ({@code ", "} and {@code ": "} separators, Python's float
 * spelling, {@code default=str} for other objects), so content hashes and JSON documents match Agno's.
 */
public final class PythonJson {
  private final boolean sortKeys;
  private final boolean ensureAscii;
  /** Spaces per level ({@code indent=2}), or 0 for one line. */
  private final int indent;

  private PythonJson(boolean sortKeys, boolean ensureAscii, int indent) {
    this.sortKeys = sortKeys;
    this.ensureAscii = ensureAscii;
    this.indent = indent;
  }

  /** {@code json.dumps(value, sort_keys=True, default=str)}: what Agno hashes content metadata with. */
  public static String dumpsSorted(@Nullable Object value) {
    return new PythonJson(true, true, 0).write(new StringBuilder(), value).toString();
  }

  /** {@code json.dumps(value, ensure_ascii=False)}: keys in their order, non-ASCII kept, as Agno's JSON reader. */
  public static String dumpsUnicode(@Nullable Object value) {
    return new PythonJson(false, false, 0).write(new StringBuilder(), value).toString();
  }

  /** {@code json.dumps(value, indent=2, ensure_ascii=False)}: how Agno shows knowledge documents to the model. */
  public static String dumpsIndented(@Nullable Object value) {
    return new PythonJson(false, false, 2).write(new StringBuilder(), value).toString();
  }

  private StringBuilder write(StringBuilder out, @Nullable Object value) {
    return write(out, value, 0);
  }

  /** Before an item of a container at {@code depth}: the separator from the one before, and the line break. */
  private void item(StringBuilder out, int index, int depth) {
    if (indent == 0) {
      out.append(index > 0 ? ", " : "");
    } else {
      out.append(index > 0 ? ",\n" : "\n").append(" ".repeat(indent * (depth + 1)));
    }
  }

  /** After the last item of a non-empty container at {@code depth}. */
  private void close(StringBuilder out, int depth, char bracket) {
    if (indent > 0) {
      out.append('\n').append(" ".repeat(indent * depth));
    }
    out.append(bracket);
  }

  private StringBuilder write(StringBuilder out, @Nullable Object value, int depth) {
    switch (value) {
      case null -> out.append("null");
      case Boolean b -> out.append(b ? "true" : "false");
      case Integer i -> out.append(i);
      case Long l -> out.append(l);
      case Short s -> out.append(s);
      case Byte b -> out.append(b);
      case java.math.BigInteger i -> out.append(i);
      case BigDecimal d -> out.append(pythonFloat(d.doubleValue()));
      case Double d -> out.append(pythonFloat(d));
      case Float f -> out.append(pythonFloat(Double.parseDouble(f.toString())));
      case CharSequence s -> string(out, s.toString());
      case Map<?, ?> map -> object(out, map, depth);
      case Collection<?> list -> {
        out.append('[');
        int i = 0;
        for (Object item : list) {
          item(out, i++, depth);
          write(out, item, depth + 1);
        }
        if (i == 0) {
          out.append(']');
        } else {
          close(out, depth, ']');
        }
      }
      default -> string(out, value.toString());
    }
    return out;
  }

  private void object(StringBuilder out, Map<?, ?> map, int depth) {
    List<Map.Entry<String, @Nullable Object>> entries = new ArrayList<>();
    map.forEach((k, v) -> entries.add(new java.util.AbstractMap.SimpleEntry<>(String.valueOf(k), v)));
    if (sortKeys) {
      entries.sort(Map.Entry.comparingByKey());
    }
    out.append('{');
    for (int i = 0; i < entries.size(); i++) {
      item(out, i, depth);
      string(out, entries.get(i).getKey());
      out.append(": ");
      write(out, entries.get(i).getValue(), depth + 1);
    }
    if (entries.isEmpty()) {
      out.append('}');
    } else {
      close(out, depth, '}');
    }
  }

  /** Python's {@code repr(float)}: shortest digits, fixed notation for exponents -4..15, else {@code 1e+16}. */
  static String pythonFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int exponent = digits.length() - 1 - exact.scale();
    String sign = d < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = exact.toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
  }

  private void string(StringBuilder out, String s) {
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
          if (c < 0x20 || (ensureAscii && c > 0x7f)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
