package dev.agentry.engine.tool.builtin;

import dev.agentry.engine.internal.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Renders tool results as JSON text spaced like Python's {@code json.dumps} ({@code {"a": 1, "b": [2, 3]}}), so
 * results read as Agno's toolkits print them.
 *
 * <p>Takes maps (in their iteration order), lists and scalars. Strings, numbers and booleans are written directly
 * (a tool call is on every run's path, and a JSON generator per scalar costs more than the call); other values go
 * through the shared mapper.
 */
public final class JsonText {
  private JsonText() {}

  /** {@code value} as Python's {@code json.dumps} writes it. */
  public static String of(@Nullable Object value) {
    StringBuilder out = new StringBuilder(64);
    write(value, out);
    return out.toString();
  }

  private static void write(@Nullable Object value, StringBuilder out) {
    switch (value) {
      case null -> out.append("null");
      case Map<?, ?> map -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.append(first ? "" : ", ");
          string(String.valueOf(e.getKey()), out);
          out.append(": ");
          write(e.getValue(), out);
          first = false;
        }
        out.append('}');
      }
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          out.append(i == 0 ? "" : ", ");
          write(list.get(i), out);
        }
        out.append(']');
      }
      case String s -> string(s, out);
      case BigDecimal d -> out.append(d.toPlainString());
      case Integer i -> out.append(i.intValue());
      case Long l -> out.append(l.longValue());
      case Double d when Double.isFinite(d) -> out.append(d.doubleValue());
      case java.math.BigInteger n -> out.append(n);
      case Boolean b -> out.append(b.booleanValue());
      default -> out.append(Json.MAPPER.writeValueAsString(value));
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
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
