package dev.agentry.engine.run;

import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.knowledge.ContentUpload;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.model.KnowledgeUse;
import dev.agentry.engine.tool.ToolDefinition;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.builtin.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge tools Agno gives an agent or a team's leader: {@code search_knowledge_base} (agentic RAG,
 * {@code search_knowledge}; with {@code enable_agentic_knowledge_filters} it takes {@code filters}) and
 * {@code add_to_knowledge} ({@code update_knowledge}). They look the Knowledge up when called, so one that is
 * missing or failing gives the model an error result and the run goes on.
 */
final class KnowledgeTools {
  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeTools.class);
  static final String SEARCH = "search_knowledge_base";
  static final String ADD = "add_to_knowledge";
  private static final String QUERY = """
      "query":{"type":"string","description":"The query to search for."}""";
  private static final ToolDefinition SEARCH_DEFINITION = new ToolDefinition(SEARCH,
      "Use this function to search the knowledge base for information about a query.",
      Json.MAPPER.readTree("{\"type\":\"object\",\"properties\":{" + QUERY + "},\"required\":[\"query\"]}"));
  private static final ToolDefinition SEARCH_WITH_FILTERS_DEFINITION = new ToolDefinition(SEARCH,
      "Use this function to search the knowledge base for information about a query.",
      Json.MAPPER.readTree("{\"type\":\"object\",\"properties\":{" + QUERY + """
          ,"filters":{"anyOf":[{"type":"array","items":{"type":"object","properties":{"key":{"type":"string"},\
          "value":{}}}},{"type":"null"}],"default":null,"description":"The filters to apply to the search. This is \
          a list of KnowledgeFilter objects ({'key': <metadata key>, 'value': <value>}); a {<metadata key>: \
          <value>} object is taken too."}},"required":["query"]}"""));
  private static final ToolDefinition ADD_DEFINITION = new ToolDefinition(ADD,
      "Use this function to add information to the knowledge base for future use.",
      Json.MAPPER.readTree("""
          {"type":"object","properties":{"query":{"type":"string","description":"The query or topic to add."},\
          "result":{"type":"string","description":"The actual content or information to store."}},\
          "required":["query","result"]}"""));

  private KnowledgeTools() {}

  /** The tools {@code use} asks for, looking the Knowledge up in {@code knowledge} at each call. */
  static List<BoundTool> bind(KnowledgeUse use, Function<String, Optional<KnowledgeBase>> knowledge) {
    if (!use.enabled()) {
      return List.of();
    }
    List<BoundTool> tools = new ArrayList<>(2);
    if (use.search()) {
      tools.add(new BoundTool(new Search(use, knowledge), ToolFlags.NONE));
    }
    if (use.update()) {
      tools.add(new BoundTool(new Add(use, knowledge), ToolFlags.NONE));
    }
    return tools;
  }

  private static ToolRunner.Timed result(ToolResult result) {
    return new ToolRunner.Timed(result, new ToolExecution.ToolMetrics(0, 0, 0));
  }

  /** {@code search_knowledge_base}: the references found, as the model reads them ({@code references_format}). */
  private static final class Search extends RunTool {
    private final KnowledgeUse use;
    private final Function<String, Optional<KnowledgeBase>> knowledge;

    Search(KnowledgeUse use, Function<String, Optional<KnowledgeBase>> knowledge) {
      super(use.agenticFilters() ? SEARCH_WITH_FILTERS_DEFINITION : SEARCH_DEFINITION);
      this.use = use;
      this.knowledge = knowledge;
    }

    @Override
    boolean runsMembers() {
      return false;
    }

    @Override
    ToolRunner.Timed invoke(ActiveRun run, JsonNode arguments) {
      String query = arguments.path("query").asString("");
      Optional<KnowledgeBase> base = knowledge.apply(use.knowledgeId());
      if (base.isEmpty()) {
        return result(ToolResult.error("Error searching knowledge base: the knowledge '" + use.knowledgeId()
            + "' is not available"));
      }
      try {
        Map<String, Object> filters = use.agenticFilters() ? merged(base.get(), arguments.path("filters"))
            : use.filters();
        List<Map<String, Object>> docs = KnowledgeRag.search(run, base.get(), query, filters);
        return result(ToolResult.of(docs.isEmpty() ? KnowledgeRag.NOTHING_FOUND
            : KnowledgeRag.format(docs, use.referencesFormat())));
      } catch (RuntimeException e) {
        LOG.warn("run {}: knowledge search failed: {}", run.scope.runId(), e.toString());
        return result(ToolResult.error("Error searching knowledge base: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())));
      }
    }

    /**
     * The filters of a search with agentic filters, as Agno merges them: the participant's {@code knowledge_filters}
     * when it has some (they take priority), else the model's, without the keys no content has.
     */
    private Map<String, Object> merged(KnowledgeBase base, JsonNode given) {
      if (!use.filters().isEmpty()) {
        return use.filters();
      }
      Map<String, Object> agentic = agentic(given);
      if (agentic.isEmpty()) {
        return Map.of();
      }
      Set<String> valid = base.filterKeys();
      Map<String, Object> kept = new LinkedHashMap<>();
      agentic.forEach((key, value) -> {
        String bare = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key;
        if (valid.contains(key) || valid.contains(bare)) {
          kept.put(key, value);
        } else {
          LOG.warn("knowledge '{}': invalid filter key '{}' ignored: no content has it", use.knowledgeId(), key);
        }
      });
      return kept;
    }

    /** The model's filters: a list of {@code {key, value}} objects or of plain dicts, or one dict. */
    private static Map<String, Object> agentic(JsonNode given) {
      Map<String, Object> filters = new LinkedHashMap<>();
      List<JsonNode> items = new ArrayList<>();
      if (given.isArray()) {
        given.forEach(items::add);
      } else if (given.isObject()) {
        items.add(given);
      }
      for (JsonNode item : items) {
        if (!item.isObject()) {
          continue;
        }
        if (item.size() == 2 && item.has("key") && item.has("value") && item.get("key").isString()) {
          filters.put(item.get("key").stringValue(), Json.MAPPER.treeToValue(item.get("value"), Object.class));
        } else {
          item.properties().forEach(e -> filters.put(e.getKey(), Json.MAPPER.treeToValue(e.getValue(),
              Object.class)));
        }
      }
      return filters;
    }
  }

  /** {@code add_to_knowledge}: stores the query and its result as a text content of the Knowledge, as Agno does. */
  private static final class Add extends RunTool {
    private final KnowledgeUse use;
    private final Function<String, Optional<KnowledgeBase>> knowledge;

    Add(KnowledgeUse use, Function<String, Optional<KnowledgeBase>> knowledge) {
      super(ADD_DEFINITION);
      this.use = use;
      this.knowledge = knowledge;
    }

    @Override
    boolean runsMembers() {
      return false;
    }

    @Override
    ToolRunner.Timed invoke(ActiveRun run, JsonNode arguments) {
      Optional<KnowledgeBase> base = knowledge.apply(use.knowledgeId());
      if (base.isEmpty()) {
        return result(ToolResult.of("Knowledge not available"));
      }
      String query = arguments.path("query").asString("");
      String answer = arguments.path("result").asString("");
      String name = query.replace(" ", "_").replace("?", "").replace("!", "").replace(".", "");
      Map<String, Object> text = new LinkedHashMap<>();
      text.put("query", query);
      text.put("result", answer);
      try {
        base.get().add(ContentUpload.text(name, JsonText.of(text), Map.of()));
        return result(ToolResult.of("Successfully added to knowledge base"));
      } catch (RuntimeException e) {
        LOG.warn("run {}: adding to the knowledge '{}' failed: {}", run.scope.runId(), use.knowledgeId(),
            e.toString());
        return result(ToolResult.error("Error adding to knowledge base: " + e.getMessage()));
      }
    }
  }
}
