package dev.agentry.engine.compile;

import dev.agentry.engine.spec.SourceMap;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Finds the values of a tree at a path pattern such as {@code /spec/tools/{@literal *}/toolkit}. */
final class TreePaths {
  /** A value found, with its JSON Pointer. */
  record Found(String pointer, JsonNode value) {}

  private TreePaths() {}

  /** Every value at {@code pattern}; {@code *} matches each element of a list. Absent paths yield nothing. */
  static List<Found> find(JsonNode root, String pattern) {
    List<Found> found = new ArrayList<>();
    String[] tokens = pattern.substring(1).split("/");
    walk(root, "", tokens, 0, found);
    return found;
  }

  private static void walk(JsonNode node, String pointer, String[] tokens, int i, List<Found> found) {
    if (i == tokens.length) {
      if (!node.isNull()) {
        found.add(new Found(pointer, node));
      }
      return;
    }
    if (tokens[i].equals("*")) {
      if (node.isArray()) {
        for (int index = 0; index < node.size(); index++) {
          walk(node.get(index), SourceMap.child(pointer, index), tokens, i + 1, found);
        }
      }
      return;
    }
    JsonNode child = node.isObject() ? node.get(tokens[i]) : null;
    if (child != null) {
      walk(child, SourceMap.child(pointer, tokens[i]), tokens, i + 1, found);
    }
  }
}
