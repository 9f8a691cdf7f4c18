package dev.agentry.engine.run;

import dev.agentry.engine.event.MessageReferences;
import dev.agentry.engine.internal.PythonJson;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.knowledge.SearchHit;
import dev.agentry.engine.model.KnowledgeUse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * How an agent or a team's leader uses its Knowledge in a run, as Agno's {@code Agent} does
 * ({@code get_relevant_docs_from_knowledge}, {@code Knowledge.build_context}, {@code convert_documents_to_string}):
 * the searches that record the run's references, the {@code <knowledge_base>} section of the system message, the
 * references added to the user message (classic RAG), and the documents as the model reads them.
 *
 * <p>Implements {@code knowledge}, {@code search_knowledge}, {@code knowledge_filters},
 * {@code enable_agentic_knowledge_filters}, {@code add_knowledge_to_context} and {@code references_format} of
 * {@code schemas/agent.schema.json} and {@code schemas/team.schema.json}.
 */
final class KnowledgeRag {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeRag.class);
  private static final String SEARCH_INSTRUCTIONS = "You have a knowledge base you can search using the "
      + "search_knowledge_base tool. Search before answering questions\u2014don't assume you know the answer. "
      + "For ambiguous questions, search first rather than asking for clarification.";
  private static final String AGENTIC_FILTERS = """
      The knowledge base contains documents with these metadata filters: {keys}.
      Always use filters when the user query indicates specific metadata.

      Examples:
      1. If the user asks about a specific person like "Jordan Mitchell", you MUST use the search_knowledge_base \
      tool with the filters parameter set to {'<valid key like user_id>': '<valid value based on the user query>'}.
      2. If the user asks about a specific document type like "contracts", you MUST use the search_knowledge_base \
      tool with the filters parameter set to {'document_type': 'contract'}.
      3. If the user asks about a specific location like "documents from New York", you MUST use the \
      search_knowledge_base tool with the filters parameter set to {'<valid key like location>': 'New York'}.

      General Guidelines:
      - Always analyze the user query to identify relevant metadata.
      - Use the most specific filter(s) possible to narrow down results.
      - If multiple filters are relevant, combine them in the filters parameter (e.g., {'name': 'Jordan Mitchell', \
      'document_type': 'contract'}).
      - Ensure the filter keys match the valid metadata filters: {keys}.

      Make sure to pass the filters as [Dict[str: Any]] to the tool. FOLLOW THIS STRUCTURE STRICTLY.""";
  /** What the search tool answers when nothing was found, as Agno's does. */
  static final String NOTHING_FOUND = "No documents found";

  private KnowledgeRag() {}

  /**
   * The {@code <knowledge_base>} section of the system message, when the participant has the search tool: Agno's
   * search instructions, the Knowledge's {@code description} (what it holds, so when to search; an Agentry addition),
   * and with agentic filters the metadata keys the model may filter on. Null when it adds none.
   */
  static @Nullable String systemSection(KnowledgeUse use, Function<String, Optional<KnowledgeBase>> knowledge) {
    if (!use.enabled() || !use.search()) {
      return null;
    }
    List<String> parts = new ArrayList<>(3);
    parts.add(SEARCH_INSTRUCTIONS);
    Optional<KnowledgeBase> base = knowledge.apply(use.knowledgeId());
    base.map(b -> b.def().description()).filter(d -> !d.isBlank())
        .ifPresent(d -> parts.add("It holds: " + d.strip()));
    if (use.agenticFilters() && base.isPresent()) {
      Set<String> keys = filterKeys(base.get());
      if (!keys.isEmpty()) {
        parts.add(AGENTIC_FILTERS.replace("{keys}", String.join(", ", keys)));
      }
    }
    return "<knowledge_base>\n" + String.join("\n", parts) + "\n</knowledge_base>";
  }

  private static Set<String> filterKeys(KnowledgeBase base) {
    try {
      return new TreeSet<>(base.filterKeys());
    } catch (RuntimeException e) {
      LOG.warn("knowledge '{}': cannot list its filter keys: {}", base.def().id(), e.getMessage());
      return Set.of();
    }
  }

  /** True when the system message depends on the run: the filter keys change as content is added. */
  static boolean perRun(KnowledgeUse use) {
    return use.enabled() && use.search() && use.agenticFilters();
  }

  /**
   * Searches {@code base} for {@code query} with {@code filters} and the Knowledge's {@code max_results}, and records
   * what it found as the run's references (Agno records a search only when it found something).
   *
   * @return the documents found as Agno's {@code Document.to_dict()}, empty when none
   * @throws RuntimeException when the search fails; the caller decides what the model reads
   */
  static List<Map<String, Object>> search(ActiveRun run, KnowledgeBase base, String query,
      Map<String, Object> filters) {
    long start = System.nanoTime();
    List<Map<String, Object>> docs = base.search(query, null, filters, null).stream()
        .map(KnowledgeRag::document).toList();
    double seconds = Math.round((System.nanoTime() - start) / 1e5) / 1e4;
    if (!docs.isEmpty()) {
      run.addReferences(new MessageReferences(query, docs, seconds));
    }
    return docs;
  }

  /** A hit as Agno's {@code Document.to_dict()}: its {@code name}, {@code meta_data} and {@code content}. */
  static Map<String, Object> document(SearchHit hit) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", hit.chunk().name());
    doc.put("meta_data", new TreeMap<>(hit.chunk().metadata()));
    doc.put("content", hit.chunk().content());
    return doc;
  }

  /**
   * Classic RAG ({@code add_knowledge_to_context}): searches with the user's message and the participant's
   * {@code knowledge_filters}, and gives what to append to the user message, in Agno's words; null when nothing was
   * found. A Knowledge that is missing or fails is logged and the run goes on without references, as in Agno.
   */
  static @Nullable String userMessageReferences(ActiveRun run, KnowledgeUse use,
      Function<String, Optional<KnowledgeBase>> knowledge, String query) {
    if (!use.enabled() || !use.addToContext() || query.isBlank()) {
      return null;
    }
    Optional<KnowledgeBase> base = knowledge.apply(use.knowledgeId());
    if (base.isEmpty()) {
      LOG.warn("run {}: the knowledge '{}' is not available: no references added", run.scope.runId(),
          use.knowledgeId());
      return null;
    }
    List<Map<String, Object>> docs;
    try {
      docs = search(run, base.get(), query, use.filters());
    } catch (RuntimeException e) {
      LOG.warn("run {}: failed to get references from the knowledge '{}': {}", run.scope.runId(), use.knowledgeId(),
          e.getMessage());
      return null;
    }
    return docs.isEmpty() ? null : "\n\nUse the following references from the knowledge base if it helps:\n"
        + "<references>\n" + format(docs, use.referencesFormat()) + "\n</references>";
  }

  /**
   * The documents as the model reads them ({@code references_format}): Python's {@code json.dumps(docs, indent=2)}
   * or PyYAML's {@code yaml.dump(docs)} (block style, keys sorted).
   */
  static String format(List<Map<String, Object>> docs, String referencesFormat) {
    if ("yaml".equals(referencesFormat)) {
      DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
      return new Dump(settings).dumpToString(sorted(docs));
    }
    return PythonJson.dumpsIndented(docs);
  }

  /** Maps with their keys sorted, all the way down, as PyYAML writes them. */
  private static @Nullable Object sorted(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(KnowledgeRag::sorted).toList();
    }
    return value;
  }
}
