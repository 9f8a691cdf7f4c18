package dev.agentry.engine.compile;

import dev.agentry.engine.spec.Kind;
import dev.agentry.engine.spec.Resource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Computes a spec set's version: a SHA-256 over the canonical JSON of every resource (keys sorted, resources
 * sorted by kind and name), after interpolation and with the schema files it reads. Independent of file names,
 * file order, document order, comments, formatting and YAML style (anchors, flow or block).
 */
final class VersionHash {
  private VersionHash() {}

  static String of(Map<Kind, Map<String, Resource<?>>> index, Map<SchemaFiles.Key, JsonNode> schemas) {
    List<Resource<?>> resources = new ArrayList<>();
    index.values().forEach(byName -> resources.addAll(byName.values()));
    resources.sort(Comparator.comparing((Resource<?> r) -> r.kind().ordinal()).thenComparing(Resource::name));
    StringBuilder canonical = new StringBuilder();
    for (Resource<?> resource : resources) {
      writeCanonical(resource.draft().tree(), canonical);
      canonical.append('\n');
    }
    schemas.entrySet().stream()
        .sorted(Comparator.comparing(e -> e.getKey().toString()))
        .forEach(e -> {
          canonical.append(e.getKey()).append('=');
          writeCanonical(e.getValue(), canonical);
          canonical.append('\n');
        });
    return sha256(canonical.toString()).substring(0, 16);
  }

  /** Writes {@code node} as JSON with object keys in sorted order. */
  static void writeCanonical(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      List<String> names = new ArrayList<>(node.propertyNames());
      names.sort(null);
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(quote(names.get(i))).append(':');
        writeCanonical(node.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeCanonical(node.get(i), out);
      }
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }

  private static String quote(String text) {
    return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(text).toString();
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
