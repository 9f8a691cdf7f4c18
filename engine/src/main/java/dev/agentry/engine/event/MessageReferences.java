package dev.agentry.engine.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one knowledge search found, as Agno's {@code MessageReferences} writes it: a run's {@code references} (and its
 * {@code RunContent} and {@code RunCompleted} events) list one per search, from the {@code search_knowledge_base}
 * tool or from classic RAG ({@code add_knowledge_to_context}).
 *
 * @param query the query searched for
 * @param references the documents found, each as Agno's {@code Document.to_dict()}: {@code name}, {@code content},
 *     {@code meta_data}
 * @param time how long the search took, in seconds (4 decimals)
 */
public record MessageReferences(String query, @Nullable List<Map<String, Object>> references, @Nullable Double time) {
  public MessageReferences {
    if (references != null) {
      List<Map<String, Object>> copy = new ArrayList<>(references.size());
      references.forEach(doc -> copy.add(Collections.unmodifiableMap(new java.util.LinkedHashMap<>(doc))));
      references = Collections.unmodifiableList(copy);
    }
  }
}
