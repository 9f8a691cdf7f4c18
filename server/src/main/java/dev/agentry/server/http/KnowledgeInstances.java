package dev.agentry.server.http;

import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.model.KnowledgeDef;
import dev.agentry.engine.run.KnowledgeStatus;
import dev.agentry.server.AgentOs;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which Knowledge a knowledge route acts on ({@code agentos-api.md} §2.9, Agno's {@code get_knowledge_instance}): the
 * only one served when the request names none, else the one of {@code knowledge_id} (its resource name, the id
 * {@code /config} lists), else the only one whose contents live in {@code db_id}; Agno's 400 and 404 otherwise, and a
 * 503 when the one chosen could not be opened.
 */
final class KnowledgeInstances {
  private KnowledgeInstances() {}

  static KnowledgeBase select(AgentOs os, @Nullable String dbId, @Nullable String knowledgeId) {
    return open(os, choose(Served.knowledge(os.catalog()), dbId, knowledgeId));
  }

  /** The served Knowledge the request names, by Agno's rules; declared ones that failed to open count too. */
  private static KnowledgeDef choose(List<KnowledgeDef> served, @Nullable String dbId, @Nullable String knowledgeId) {
    if (served.size() == 1 && knowledgeId == null && dbId == null) {
      return served.getFirst();
    }
    if (knowledgeId != null) {
      return served.stream().filter(d -> d.id().equals(knowledgeId)).findFirst()
          .orElseThrow(() -> ApiException.notFound("Knowledge base '" + knowledgeId + "' not found"));
    }
    if (dbId != null) {
      List<KnowledgeDef> matches = served.stream().filter(d -> d.contentsDb().equals(dbId)).toList();
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
        + "bases. Available IDs: " + ids(served));
  }

  /** The open Knowledge of {@code def}; a 503 saying why when it could not be opened (its index is unreachable). */
  private static KnowledgeBase open(AgentOs os, KnowledgeDef def) {
    return os.engine().knowledge(def.id()).orElseThrow(() -> {
      String why = os.engine().knowledgeStatus().stream().filter(s -> s.id().equals(def.id()) && !s.isOpen())
          .map(KnowledgeStatus::failure).findFirst().orElse("it is not open");
      return ApiException.unavailable("Knowledge '" + def.id() + "' is not available: "
          + Routes.plain(why, "its index could not be opened"));
    });
  }

  private static String ids(List<KnowledgeDef> defs) {
    return pythonList(defs.stream().map(KnowledgeDef::id).toList());
  }

  /** Strings as Python prints a list of them, as Agno's messages show it: {@code ['a', 'b']}. */
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
