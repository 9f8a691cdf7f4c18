package dev.agentry.server.http;

import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.server.AgentOs;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which Knowledge a knowledge route acts on ({@code agentos-api.md} §2.9, Agno's {@code get_knowledge_instance}): the
 * only one served when the request names none, else the one of {@code knowledge_id} (its resource name, the id
 * {@code /config} lists), else the only one whose contents live in {@code db_id}; Agno's 400 and 404 otherwise.
 */
final class KnowledgeInstances {
  private KnowledgeInstances() {}

  /** The open Knowledge resources the API serves, in the catalog's order. */
  static List<KnowledgeBase> served(AgentOs os) {
    return Served.knowledge(os.catalog()).stream()
        .map(def -> os.engine().knowledge(def.id()))
        .flatMap(Optional::stream)
        .toList();
  }

  static KnowledgeBase select(AgentOs os, @Nullable String dbId, @Nullable String knowledgeId) {
    List<KnowledgeBase> bases = served(os);
    if (bases.size() == 1 && knowledgeId == null && dbId == null) {
      return bases.getFirst();
    }
    if (knowledgeId != null) {
      return bases.stream().filter(b -> b.def().id().equals(knowledgeId)).findFirst()
          .orElseThrow(() -> ApiException.notFound("Knowledge base '" + knowledgeId + "' not found"));
    }
    if (dbId != null) {
      List<KnowledgeBase> matches = bases.stream().filter(b -> b.def().contentsDb().equals(dbId)).toList();
      if (matches.isEmpty()) {
        throw ApiException.notFound("Knowledge instance with db_id '" + dbId + "' not found");
      }
      if (matches.size() == 1) {
        return matches.getFirst();
      }
      throw ApiException.badRequest("Multiple knowledge instances found for db_id '" + dbId
          + "'. Please specify knowledge_id parameter. Available IDs: " + ids(matches));
    }
    throw ApiException.badRequest("db_id or knowledge_id query parameter is required when using multiple knowledge "
        + "bases. Available IDs: " + ids(bases));
  }

  /** The ids as Python prints a list of strings, as Agno's messages show them: {@code ['a', 'b']}. */
  static String ids(List<KnowledgeBase> bases) {
    return pythonList(bases.stream().map(b -> b.def().id()).toList());
  }

  static String pythonList(List<String> items) {
    return items.stream().map(KnowledgeInstances::pythonString).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String pythonString(String s) {
    char quote = s.contains("'") && !s.contains("\"") ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    for (char c : s.toCharArray()) {
      if (c == '\\' || c == quote) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append(quote).toString();
  }
}
