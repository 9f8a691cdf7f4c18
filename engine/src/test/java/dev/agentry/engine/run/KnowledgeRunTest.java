package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.MessageReferences;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.model.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Knowledge in runs, as Agno's agents and teams use it: the {@code search_knowledge_base} tool (agentic RAG, with or
 * without agentic filters), references added to the user message (classic RAG), {@code add_to_knowledge}, the run's
 * references in its output and events, and a Knowledge that is missing or failing.
 */
class KnowledgeRunTest {
  @TempDir Path dir;

  private static final String KNOWLEDGE = Specs.HEADER + """
      kind: Knowledge
      metadata: {name: docs}
      spec:
        description: Agentry's documentation about validating and serving specs.
        vector_db: {type: memory}
        max_results: 2
      ---
      """;

  /** A model that searches the knowledge for the user's message, then answers with what it found. */
  private static final String SEARCHING_MODEL = """
      rules:
        - when: '.'
          content: "Found: {tool_result}"
          tool_calls:
            - name: search_knowledge_base
              arguments: {query: "{input}"}
      """;

  private final AtomicReference<FakeKnowledge> opened = new AtomicReference<>();

  private Engine engine(String yaml) {
    Catalog catalog = Specs.compile(dir, yaml);
    return Engine.create(catalog, c -> c.knowledgeOpener(def -> {
      FakeKnowledge fake = new FakeKnowledge(def)
          .with("validate.md", "Run agentry validate specs to check every YAML file.", Map.of("kind", "faq"))
          .with("serve.md", "Run agentry serve specs to start the AgentOS server.", Map.of("kind", "guide"))
          .with("teams.md", "A team leader delegates to its members.", Map.of("kind", "faq"));
      opened.set(fake);
      return fake;
    }));
  }

  private Engine agent(String agentSpec, String script) {
    return engine(KNOWLEDGE + Specs.agent("knowledge: docs\n" + agentSpec, script));
  }

  private static String userMessage(RunOutput out) {
    return out.messages().stream().filter(m -> m.message().role() == Role.USER && !m.fromHistory())
        .map(m -> m.message().content()).findFirst().orElseThrow();
  }

  private static String systemMessage(RunOutput out) {
    return out.messages().stream().filter(m -> m.message().role() == Role.SYSTEM)
        .map(m -> m.message().content()).findFirst().orElse("");
  }

  @Test
  void the_model_searches_with_the_tool_and_the_references_are_in_the_output_and_the_events() {
    Engine engine = agent("", SEARCHING_MODEL);
    List<RunEvent> events = new CopyOnWriteArrayList<>();

    RunOutput out = engine.run(Target.agent("agent"), RunRequest.of("how do I validate specs?"), events::add);

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    ToolExecution call = out.tools().getFirst();
    assertThat(call.toolName()).isEqualTo("search_knowledge_base");
    assertThat(call.toolCallError()).isNotEqualTo(Boolean.TRUE);
    assertThat(call.result()).startsWith("[\n  {\n    \"name\": \"validate.md\",\n    \"meta_data\": {\n")
        .contains("\"content\": \"Run agentry validate specs to check every YAML file.\"");
    assertThat(out.contentText()).contains("Run agentry validate specs");

    assertThat(out.references()).hasSize(1);
    MessageReferences refs = out.references().getFirst();
    assertThat(refs.query()).isEqualTo("how do I validate specs?");
    assertThat(refs.references()).extracting(d -> d.get("name")).containsExactly("validate.md", "serve.md");
    assertThat(refs.references().getFirst()).containsEntry("content",
        "Run agentry validate specs to check every YAML file.");
    assertThat(refs.references().getFirst().get("meta_data")).isEqualTo(Map.of("kind", "faq", "chunk", 1,
        "chunk_size", 52));
    assertThat(refs.time()).isNotNull().isGreaterThanOrEqualTo(0.0);

    RunEvent.RunCompleted completed = events.stream().filter(RunEvent.RunCompleted.class::isInstance)
        .map(RunEvent.RunCompleted.class::cast).findFirst().orElseThrow();
    assertThat(completed.references()).isEqualTo(out.references());
    assertThat(events.stream().filter(RunEvent.RunContent.class::isInstance).map(RunEvent.RunContent.class::cast))
        .isNotEmpty().allSatisfy(c -> assertThat(c.references()).isEqualTo(out.references()));

    // stored with the run, as its output and the run listings read it back
    RunOutput stored = engine.store().findRun(out.runId()).orElseThrow();
    assertThat(stored.references()).isEqualTo(out.references());
  }

  @Test
  void the_system_message_tells_the_model_to_search_and_what_the_knowledge_holds() {
    RunOutput out = agent("", SEARCHING_MODEL).run("agent", RunRequest.of("hello"));

    assertThat(systemMessage(out)).contains("<knowledge_base>\nYou have a knowledge base you can search using the "
        + "search_knowledge_base tool.").contains("It holds: Agentry's documentation about validating and serving "
        + "specs.\n</knowledge_base>");
  }

  @Test
  void the_agents_knowledge_filters_reach_every_search() {
    Engine engine = agent("knowledge_filters: {kind: guide}\n", SEARCHING_MODEL);

    RunOutput out = engine.run("agent", RunRequest.of("how do I serve or validate specs?"));

    assertThat(opened.get().searchedFilters).containsExactly(Map.of("kind", "guide"));
    assertThat(out.references().getFirst().references()).extracting(d -> d.get("name")).containsExactly("serve.md");
  }

  @Test
  void with_agentic_filters_the_model_chooses_them_and_sees_the_valid_keys() {
    String script = """
        rules:
          - when: '.'
            content: "Found: {tool_result}"
            tool_calls:
              - name: search_knowledge_base
                arguments: {query: "{input}", filters: [{key: kind, value: faq}, {key: colour, value: red}]}
        """;
    Engine engine = agent("enable_agentic_knowledge_filters: true\n", script);

    RunOutput out = engine.run("agent", RunRequest.of("how do I validate specs or use team members?"));

    assertThat(systemMessage(out)).contains("The knowledge base contains documents with these metadata filters: kind.");
    // the unknown key is dropped, as Agno validates the model's filters against the contents' metadata keys
    assertThat(opened.get().searchedFilters).containsExactly(Map.of("kind", "faq"));
    assertThat(out.references().getFirst().references()).extracting(d -> d.get("name"))
        .containsExactlyInAnyOrder("validate.md", "teams.md");
  }

  @Test
  void the_agents_own_filters_win_over_the_models_as_in_agno() {
    String script = """
        rules:
          - when: '.'
            content: "done"
            tool_calls:
              - name: search_knowledge_base
                arguments: {query: "{input}", filters: [{kind: faq}]}
        """;
    Engine engine = agent("enable_agentic_knowledge_filters: true\nknowledge_filters: {kind: guide}\n", script);

    engine.run("agent", RunRequest.of("serve specs"));

    assertThat(opened.get().searchedFilters).containsExactly(Map.of("kind", "guide"));
  }

  @Test
  void classic_rag_adds_the_references_to_the_user_message_in_json() {
    Engine engine = agent("search_knowledge: false\nadd_knowledge_to_context: true\n", "fallback: ok");

    RunOutput out = engine.run("agent", RunRequest.of("validate specs"));

    assertThat(out.tools()).isEmpty();
    assertThat(userMessage(out)).isEqualTo("""
        validate specs

        Use the following references from the knowledge base if it helps:
        <references>
        [
          {
            "name": "validate.md",
            "meta_data": {
              "chunk": 1,
              "chunk_size": 52,
              "kind": "faq"
            },
            "content": "Run agentry validate specs to check every YAML file."
          },
          {
            "name": "serve.md",
            "meta_data": {
              "chunk": 1,
              "chunk_size": 52,
              "kind": "guide"
            },
            "content": "Run agentry serve specs to start the AgentOS server."
          }
        ]
        </references>""");
    assertThat(systemMessage(out)).doesNotContain("<knowledge_base>");
    assertThat(out.references()).singleElement().satisfies(r -> assertThat(r.query()).isEqualTo("validate specs"));
  }

  @Test
  void classic_rag_in_yaml_with_the_filters() {
    Engine engine = agent("""
        search_knowledge: false
        add_knowledge_to_context: true
        references_format: yaml
        knowledge_filters: {kind: faq}
        """, "fallback: ok");

    RunOutput out = engine.run("agent", RunRequest.of("validate specs"));

    assertThat(userMessage(out)).isEqualTo("""
        validate specs

        Use the following references from the knowledge base if it helps:
        <references>
        - content: Run agentry validate specs to check every YAML file.
          meta_data:
            chunk: 1
            chunk_size: 52
            kind: faq
          name: validate.md

        </references>""");
    assertThat(opened.get().searchedFilters).containsExactly(Map.of("kind", "faq"));
  }

  @Test
  void update_knowledge_adds_what_the_model_learned() {
    String script = """
        rules:
          - when: '.'
            content: "noted"
            tool_calls:
              - name: add_to_knowledge
                arguments: {query: "What port?", result: "Agentry serves on port 7777."}
        """;
    Engine engine = agent("search_knowledge: false\nupdate_knowledge: true\n", script);

    RunOutput out = engine.run("agent", RunRequest.of("remember the port"));

    assertThat(out.tools()).singleElement().satisfies(t -> assertThat(t.result())
        .isEqualTo("Successfully added to knowledge base"));
    assertThat(opened.get().contents()).last().satisfies(c -> {
      assertThat(c.name()).isEqualTo("What_port");
      assertThat(opened.get().search("port 7777", null, Map.of(), null)).singleElement()
          .satisfies(h -> assertThat(h.chunk().content())
              .isEqualTo("{\"query\": \"What port?\", \"result\": \"Agentry serves on port 7777.\"}"));
    });
  }

  @Test
  void a_failing_knowledge_gives_the_model_an_error_and_the_run_goes_on() {
    Engine engine = agent("", SEARCHING_MODEL);
    engine.knowledge("docs").orElseThrow();
    opened.get().failure = new IllegalStateException("index is closed");

    RunOutput out = engine.run("agent", RunRequest.of("validate specs"));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.tools()).singleElement().satisfies(t -> {
      assertThat(t.toolCallError()).isTrue();
      assertThat(t.result()).isEqualTo("Error searching knowledge base: IllegalStateException: index is closed");
    });
    assertThat(out.references()).isEmpty();
  }

  @Test
  void a_missing_knowledge_gives_the_model_an_error_and_the_run_goes_on() {
    Catalog catalog = Specs.compile(dir, KNOWLEDGE + Specs.agent("knowledge: docs\n", SEARCHING_MODEL));
    Engine engine = Engine.create(catalog, c -> c.knowledgeOpener(def -> {
      throw new KnowledgeException("the index folder is locked");
    }));

    RunOutput out = engine.run("agent", RunRequest.of("validate specs"));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.tools()).singleElement().satisfies(t -> {
      assertThat(t.toolCallError()).isTrue();
      assertThat(t.result()).startsWith("Error searching knowledge base: the knowledge 'docs' is not available");
    });
  }

  @Test
  void a_team_leader_searches_its_knowledge_too() {
    Engine engine = engine(KNOWLEDGE + Specs.HEADER + """
        kind: Model
        metadata: {name: leader-model}
        spec:
          provider: scripted
          script:
            rules:
              - when: '.'
                content: "Found: {tool_result}"
                tool_calls:
                  - name: search_knowledge_base
                    arguments: {query: "{input}"}
        ---
        """ + Specs.HEADER + """
        kind: Agent
        metadata: {name: geo}
        spec: {model: leader-model}
        ---
        """ + Specs.HEADER + """
        kind: Team
        metadata: {name: t}
        spec:
          model: leader-model
          members: [{agent: geo}]
          knowledge: docs
          add_knowledge_to_context: true
          references_format: yaml
        """);
    List<RunEvent> events = new CopyOnWriteArrayList<>();

    RunOutput out = engine.run(Target.team("t"), RunRequest.of("how does a team leader delegate?"), events::add);

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(userMessage(out)).contains("<references>\n- content: A team leader delegates to its members.");
    assertThat(out.tools()).extracting(ToolExecution::toolName).contains("search_knowledge_base");
    assertThat(out.references()).hasSize(2); // classic RAG's search, then the tool's
    RunEvent.RunCompleted completed = events.stream().filter(RunEvent.RunCompleted.class::isInstance)
        .map(RunEvent.RunCompleted.class::cast).filter(e -> e.scope().parentRunId() == null).findFirst()
        .orElseThrow();
    assertThat(EventJson.write(completed)).startsWith("{\"created_at\"").contains("\"event\":\"TeamRunCompleted\"")
        .contains("\"references\":[{\"query\":\"how does a team leader delegate?\",\"references\":[{\"name\":\"teams.md\"");
  }

  @Test
  void the_docs_assistant_example_searches_offline_and_answers_with_references() {
    Path specs = Path.of("../specs");
    Engine engine = Engine.create(dev.agentry.engine.compile.SpecCompiler.create().compile(specs).orThrow(),
        c -> c.baseDir(specs).knowledgeOpener(def -> {
          FakeKnowledge fake = new FakeKnowledge(def)
              .with("validate.md", "Run agentry validate specs to check every file.", Map.of("kind", "faq"))
              .with("upstream.md", "Agno validates agents too.", Map.of("kind", "upstream"));
          opened.set(fake);
          return fake;
        }));

    RunOutput out = engine.run("docs-assistant", RunRequest.of("How do I validate specs with Agentry?"));

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(out.tools()).extracting(ToolExecution::toolName).containsExactly("search_knowledge_base");
    assertThat(opened.get().searchedFilters).containsExactly(Map.of("kind", "faq"));
    assertThat(out.references()).singleElement().satisfies(r -> assertThat(r.references())
        .extracting(d -> d.get("name")).containsExactly("validate.md"));
    assertThat(out.contentText()).contains("content: Run agentry validate specs to check every file.",
        "name: validate.md"); // references_format: yaml
  }

  @Test
  void the_run_output_json_carries_the_references_as_agnos_message_references() {
    RunOutput out = agent("", SEARCHING_MODEL).run("agent", RunRequest.of("validate specs"));

    JsonNode json = EventJson.MAPPER.valueToTree(RunOutputResponse.of(out));

    JsonNode refs = json.path("references");
    assertThat(refs.isArray()).isTrue();
    assertThat(refs.get(0).path("query").stringValue()).isEqualTo("validate specs");
    assertThat(refs.get(0).path("time").isNumber()).isTrue();
    JsonNode doc = refs.get(0).path("references").get(0);
    assertThat(doc.path("name").stringValue()).isEqualTo("validate.md");
    assertThat(doc.path("meta_data").path("chunk").intValue()).isEqualTo(1);
    assertThat(doc.path("content").stringValue()).startsWith("Run agentry validate");
  }
}
