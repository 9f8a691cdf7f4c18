package dev.agentry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.event.EventJson;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.ContentUpload;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.knowledge.SearchHit;
import dev.agentry.engine.knowledge.SearchType;
import dev.agentry.engine.model.KnowledgeDef;
import dev.agentry.engine.run.Engine;
import dev.agentry.engine.run.RunOutput;
import dev.agentry.engine.run.RunOutputResponse;
import dev.agentry.engine.run.RunRequest;
import dev.agentry.engine.run.Target;
import dev.agentry.engine.store.KnowledgeContent;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.server.http.Json;
import dev.agentry.server.http.dto.RunSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A run's knowledge references on the wire, as Agno's client parses them: {@code references} of the run output
 * ({@code RunOutput.from_dict} validates each with {@code MessageReferences.model_validate}), of the stored run
 * ({@code RunSchema}) and of {@code RunContent} / {@code RunCompleted}, each a {@code {query, references, time}}
 * whose documents are {@code Document.to_dict()}s with the {@code meta_data} Agent UI needs; and
 * {@code extra_data.references}, where Agent UI reads them.
 */
class ReferencesWireTest {
  @TempDir Path dir;

  @Test
  void the_references_of_a_searching_run_have_agnos_shape_in_the_output_the_listing_and_the_events()
      throws IOException {
    Files.writeString(dir.resolve("specs.yaml"), """
        apiVersion: agentry.dev/v1
        kind: Knowledge
        metadata: {name: docs}
        spec: {vector_db: {type: memory}}
        ---
        apiVersion: agentry.dev/v1
        kind: Agent
        metadata: {name: helper}
        spec: {model: searcher, knowledge: docs}
        ---
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: searcher}
        spec:
          provider: scripted
          script:
            rules:
              - when: '.'
                content: "Found: {tool_result}"
                tool_calls: [{name: search_knowledge_base, arguments: {query: "{input}"}}]
        """);
    Engine engine = Engine.create(SpecCompiler.create().compile(dir).orThrow(),
        c -> c.knowledgeOpener(OneDocument::new));
    List<RunEvent> events = new CopyOnWriteArrayList<>();

    RunOutput run = engine.run(Target.agent("helper"), RunRequest.of("where are the docs?"), events::add);

    JsonNode output = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(RunOutputResponse.of(run)));
    assertThat(AgnoShapes.RUN_OUTPUT.check(output, "$", Set.of("spec_version", "extra_data"))).isEmpty();
    JsonNode refs = output.path("references");
    assertThat(refs.size()).isEqualTo(1);
    assertThat(refs.get(0).path("query").stringValue()).isEqualTo("where are the docs?");
    assertThat(refs.get(0).path("references").get(0).path("content").stringValue())
        .isEqualTo("The docs are in the docs folder.");
    assertThat(refs.get(0).path("references").get(0).path("meta_data").path("chunk").intValue()).isEqualTo(1);
    assertThat(output.path("extra_data").path("references")).as("where Agent UI reads them").isEqualTo(refs);
    assertThat(output.path("extra_data").has("reasoning_steps")).isFalse();

    JsonNode listed = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(RunSchema.of(
        engine.store().findRun(run.runId()).orElseThrow())));
    assertThat(AgnoShapes.RUN_SCHEMA.check(listed, "$", Set.of("session_id", "metadata", "spec_version",
        "instance_id", "extra_data"))).isEmpty();
    assertThat(listed.path("references")).isEqualTo(refs);

    for (RunEvent event : events) {
      if (event instanceof RunEvent.RunCompleted || event instanceof RunEvent.RunContent) {
        JsonNode json = EventJson.toTree(event);
        assertThat(json.path("references")).as(event.name()).isEqualTo(refs);
        assertThat(json.path("extra_data").path("references")).as(event.name()).isEqualTo(refs);
        json.path("references").forEach(r -> assertThat(AgnoShapes.MESSAGE_REFERENCES.check(r,
            "$.references[]", Set.of())).isEmpty());
      }
    }
    assertThat(events).anyMatch(RunEvent.RunCompleted.class::isInstance);
  }

  /** A Knowledge holding one document, found by any query that shares a word with it. */
  private record OneDocument(KnowledgeDef def) implements KnowledgeBase {
    private static final Chunk DOC = new Chunk("c1-0", "c1", "docs.md", "The docs are in the docs folder.",
        Map.of("chunk", 1, "chunk_size", 32), 0, null);

    @Override
    public List<SearchHit> search(String query, @Nullable SearchType type, Map<String, Object> filters,
        @Nullable Integer limit) {
      boolean shares = List.of(query.toLowerCase(Locale.ROOT).split("\\W+")).stream()
          .anyMatch(w -> w.length() > 2 && DOC.content().toLowerCase(Locale.ROOT).contains(w));
      return shares ? List.of(new SearchHit(DOC, 1.0)) : List.of();
    }

    @Override
    public Set<SearchType> searchTypes() {
      return Set.of(SearchType.KEYWORD);
    }

    @Override
    public KnowledgeContent add(ContentUpload upload) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<KnowledgeContent> content(String contentId) {
      return Optional.empty();
    }

    @Override
    public Page<KnowledgeContent> contents(PageRequest page) {
      return new Page<>(List.of(), 1, 20, 0);
    }

    @Override
    public Optional<KnowledgeContent> update(String contentId, @Nullable String name, @Nullable String description,
        @Nullable Map<String, Object> metadata) {
      return Optional.empty();
    }

    @Override
    public Optional<KnowledgeContent> delete(String contentId) {
      return Optional.empty();
    }

    @Override
    public void deleteAll() {}

    @Override
    public Set<String> filterKeys() {
      return Set.of();
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
      return true;
    }
  }
}
