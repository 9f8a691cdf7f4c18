package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.Eventually;
import dev.agentry.engine.compile.SpecCompiler;
import dev.agentry.engine.knowledge.ContentUpload;
import dev.agentry.engine.knowledge.EmbeddingsStub;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.knowledge.internal.lucene.LuceneIndex;
import dev.agentry.engine.knowledge.SearchHit;
import dev.agentry.engine.knowledge.SearchType;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.store.KnowledgeContent;
import dev.agentry.engine.store.KnowledgeContent.ContentStatus;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.SortOrder;
import dev.agentry.engine.store.memory.MemorySessionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in knowledge runtime through the engine: spec sources indexed in the background at open, uploads,
 * per-content status, reload sync, restart on the same data folder and store, embeddings, failures.
 */
class KnowledgeRuntimeTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir
  Path specs;
  @TempDir
  Path data;
  private final SessionStore store = MemorySessionStore.create();
  private final List<Engine> engines = new ArrayList<>();

  @BeforeEach
  void docs() throws IOException {
    write("knowledge/docs/harbor.txt", "The lighthouse keeper logs every passing ship in the harbor.");
    write("knowledge/docs/guide/orchard.md", "# Orchard\n\nApple trees need pruning in late winter.\n");
    write("knowledge/docs/guide/bees.md", "# Bees\n\nThe beekeeper checks the hives for the queen.\n");
  }

  @AfterEach
  void close() {
    engines.forEach(Engine::close);
  }

  @Test
  void a_folder_and_an_inline_text_are_indexed_in_the_background_and_become_searchable() throws Exception {
    knowledge("""
        sources:
          - path: docs/
            metadata: {kind: doc}
          - text: Tide tables tell the ferry when to sail.
            metadata: {kind: note}
        """);
    KnowledgeBase kb = open().knowledge("kb").orElseThrow();

    assertThat(Eventually.until(WAIT, () -> contents(kb).size() == 4 && contents(kb).stream()
        .allMatch(c -> c.status() == ContentStatus.COMPLETED))).as("every content completed: %s", contents(kb))
        .isTrue();
    assertThat(contents(kb)).extracting(KnowledgeContent::name)
        .containsExactlyInAnyOrder("harbor.txt", "guide/orchard.md", "guide/bees.md", "text");
    assertThat(contents(kb)).allSatisfy(c -> {
      assertThat(c.linkedTo()).isEqualTo("kb");
      assertThat(c.externalId()).startsWith("spec:");
      assertThat(c.size()).isPositive();
    });
    assertThat(names(kb.search("pruning apple", SearchType.KEYWORD, Map.of(), null))).containsExactly(
        "guide/orchard.md");
    assertThat(names(kb.search("ferry", null, Map.of(), null))).containsExactly("text");
    assertThat(kb.search("keeper", SearchType.KEYWORD, Map.of("kind", "doc"), null)).isNotEmpty()
        .allSatisfy(h -> assertThat(h.chunk().metadata()).containsEntry("kind", "doc"));
    assertThat(kb.search("ferry", SearchType.KEYWORD, Map.of("kind", "doc"), null)).isEmpty();
    assertThat(kb.filterKeys()).contains("kind");
  }

  @Test
  void an_upload_is_processing_at_once_then_completed_and_adding_it_again_changes_nothing() throws Exception {
    knowledge("sources: []\n");
    KnowledgeBase kb = open().knowledge("kb").orElseThrow();
    ContentUpload upload = ContentUpload.text("tides", "Spring tides follow the full moon.", Map.of("topic", "sea"));

    KnowledgeContent added = kb.add(upload);
    assertThat(added.status()).isEqualTo(ContentStatus.PROCESSING);
    assertThat(Eventually.until(WAIT, () -> kb.content(added.id()).orElseThrow().status()
        == ContentStatus.COMPLETED)).isTrue();
    KnowledgeContent done = kb.content(added.id()).orElseThrow();

    KnowledgeContent again = kb.add(upload);
    assertThat(again.id()).isEqualTo(added.id());
    assertThat(again.status()).as("the existing record, not read again").isEqualTo(ContentStatus.COMPLETED);
    assertThat(again.updatedAt()).isEqualTo(done.updatedAt());
    assertThat(kb.awaitIdle(WAIT)).isTrue();
    assertThat(contents(kb)).hasSize(1);
    assertThat(names(kb.search("full moon", SearchType.KEYWORD, Map.of(), null))).containsExactly("tides");
  }

  @Test
  void one_unreadable_file_fails_with_a_message_while_the_others_complete() throws Exception {
    Files.write(specs.resolve("knowledge/docs/broken.txt"), new byte[] {'a', (byte) 0xC3, '(', (byte) 0x80});
    knowledge("""
        sources:
          - path: docs/
        """);
    KnowledgeBase kb = open().knowledge("kb").orElseThrow();

    assertThat(Eventually.until(WAIT, () -> contents(kb).size() == 4 && contents(kb).stream()
        .noneMatch(c -> c.status() == ContentStatus.PROCESSING))).isTrue();
    KnowledgeContent broken = contents(kb).stream().filter(c -> c.name().equals("broken.txt")).findFirst()
        .orElseThrow();
    assertThat(broken.status()).isEqualTo(ContentStatus.FAILED);
    assertThat(broken.statusMessage()).contains("broken.txt").doesNotContain("\n");
    assertThat(contents(kb)).filteredOn(c -> !c.name().equals("broken.txt"))
        .extracting(KnowledgeContent::status).containsOnly(ContentStatus.COMPLETED);
    assertThat(names(kb.search("beekeeper", SearchType.KEYWORD, Map.of(), null))).containsExactly("guide/bees.md");
  }

  @Test
  void a_reload_reindexes_a_changed_file_drops_a_removed_source_and_keeps_uploads() throws Exception {
    knowledge("""
        sources:
          - path: docs/
          - text: Tide tables tell the ferry when to sail.
        """);
    Engine engine = open();
    KnowledgeBase kb = engine.knowledge("kb").orElseThrow();
    KnowledgeContent upload = kb.add(ContentUpload.text("upload", "Glaciers carve fjords slowly.", Map.of()));
    assertThat(kb.awaitIdle(WAIT)).isTrue();
    String harborId = id(kb, "harbor.txt");
    String orchardUpdatedBy = id(kb, "guide/orchard.md");
    long orchardUpdated = kb.content(orchardUpdatedBy).orElseThrow().updatedAt();

    write("knowledge/docs/harbor.txt", "The harbor master rings the foghorn at dawn.");
    Files.delete(specs.resolve("knowledge/docs/guide/bees.md"));
    knowledge("""
        sources:
          - path: docs/
        """);
    engine.reload(compile());

    assertThat(engine.knowledge("kb")).as("the same open knowledge, carried across the reload").containsSame(kb);
    assertThat(Eventually.until(WAIT, () -> !kb.search("foghorn", SearchType.KEYWORD, Map.of(), null).isEmpty()
        && contents(kb).size() == 3)).as("contents: %s", contents(kb)).isTrue();
    assertThat(kb.awaitIdle(WAIT)).isTrue();
    assertThat(contents(kb)).extracting(KnowledgeContent::name)
        .containsExactlyInAnyOrder("harbor.txt", "guide/orchard.md", "upload");
    assertThat(id(kb, "harbor.txt")).as("re-indexed in place").isEqualTo(harborId);
    assertThat(kb.search("lighthouse", SearchType.KEYWORD, Map.of(), null)).as("the old text is gone").isEmpty();
    assertThat(kb.search("beekeeper", SearchType.KEYWORD, Map.of(), null)).isEmpty();
    assertThat(kb.search("ferry", SearchType.KEYWORD, Map.of(), null)).isEmpty();
    assertThat(kb.content(orchardUpdatedBy).orElseThrow().updatedAt()).as("unchanged, not re-indexed")
        .isEqualTo(orchardUpdated);
    assertThat(kb.content(upload.id()).orElseThrow().status()).isEqualTo(ContentStatus.COMPLETED);
    assertThat(names(kb.search("glaciers", SearchType.KEYWORD, Map.of(), null))).containsExactly("upload");
  }

  @Test
  void a_changed_chunking_indexes_every_content_again_uploads_included() throws Exception {
    knowledge("""
        sources:
          - path: docs/
        """);
    Engine engine = open();
    KnowledgeBase kb = engine.knowledge("kb").orElseThrow();
    KnowledgeContent upload = kb.add(ContentUpload.text("upload",
        "Glaciers carve fjords slowly. Moraines mark where they stopped.", Map.of()));
    assertThat(kb.awaitIdle(WAIT)).isTrue();
    assertThat(kb.search("moraines", SearchType.KEYWORD, Map.of(), null)).hasSize(1);

    knowledge("""
        sources:
          - path: docs/
        chunking: {strategy: fixed, chunk_size: 20}
        """);
    engine.reload(compile());
    assertThat(kb.awaitIdle(WAIT)).isTrue();

    assertThat(kb.def().chunking().size()).isEqualTo(20);
    assertThat(contents(kb)).hasSize(4).extracting(KnowledgeContent::status).containsOnly(ContentStatus.COMPLETED);
    List<SearchHit> hits = kb.search("moraines", SearchType.KEYWORD, Map.of(), null);
    assertThat(hits).as("the upload, kept, chunked again in 20-character chunks").singleElement()
        .satisfies(h -> {
          assertThat(h.chunk().contentId()).isEqualTo(upload.id());
          assertThat(h.chunk().content().length()).isLessThanOrEqualTo(20);
        });
  }

  @Test
  void a_restart_on_the_same_data_folder_and_store_keeps_the_index_and_the_contents() throws Exception {
    knowledge("""
        sources:
          - path: docs/
        """);
    Engine first = open();
    KnowledgeBase kb = first.knowledge("kb").orElseThrow();
    KnowledgeContent upload = kb.add(ContentUpload.text("upload", "Glaciers carve fjords slowly.", Map.of()));
    assertThat(kb.awaitIdle(WAIT)).isTrue();
    List<KnowledgeContent> before = contents(kb);
    first.close();
    engines.remove(first);

    KnowledgeBase reopened = open().knowledge("kb").orElseThrow();
    assertThat(names(reopened.search("glaciers", SearchType.KEYWORD, Map.of(), null)))
        .as("searchable at once, from the index on disk").containsExactly("upload");
    assertThat(reopened.awaitIdle(WAIT)).isTrue();
    assertThat(contents(reopened)).as("nothing indexed again").containsExactlyInAnyOrderElementsOf(before);
    assertThat(reopened.content(upload.id())).isPresent();
    assertThat(names(reopened.search("pruning", SearchType.KEYWORD, Map.of(), null)))
        .containsExactly("guide/orchard.md");
  }

  @Test
  void embeddings_from_the_stub_answer_vector_and_hybrid_searches() throws Exception {
    try (EmbeddingsStub stub = EmbeddingsStub.start(32)) {
      write("models/embed.yaml", """
          apiVersion: agentry.dev/v1
          kind: Model
          metadata: {name: embed}
          spec:
            provider: openai
            id: text-embedding-3-small
            base_url: %s
            api_key: sk-test
          """.formatted(stub.baseUrl()));
      knowledge("""
          sources:
            - path: docs/
          embedder: {model: embed, dimensions: 32}
          vector_db: {search_type: hybrid}
          """);
      KnowledgeBase kb = open().knowledge("kb").orElseThrow();
      assertThat(kb.awaitIdle(WAIT)).isTrue();

      assertThat(contents(kb)).extracting(KnowledgeContent::status).containsOnly(ContentStatus.COMPLETED);
      assertThat(kb.searchTypes()).contains(SearchType.VECTOR, SearchType.HYBRID, SearchType.KEYWORD);
      assertThat(names(kb.search("beekeeper hives queen", null, Map.of(), 1))).containsExactly("guide/bees.md");
      assertThat(names(kb.search("apple trees pruning", SearchType.VECTOR, Map.of(), 1)))
          .containsExactly("guide/orchard.md");
      assertThat(stub.requests()).isNotEmpty();
    }
  }

  @Test
  void a_search_type_the_index_cannot_answer_is_refused_naming_the_supported_ones() throws Exception {
    knowledge("sources: []\n");
    KnowledgeBase kb = open().knowledge("kb").orElseThrow();
    assertThatThrownBy(() -> kb.search("x", SearchType.HYBRID, Map.of(), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyword");
  }

  @Test
  void a_url_on_a_private_address_fails_with_the_reason() throws Exception {
    knowledge("sources: []\n");
    KnowledgeBase kb = open().knowledge("kb").orElseThrow();
    KnowledgeContent added = kb.add(new ContentUpload(null, null, Map.of(), "http://127.0.0.1:9/secret.txt", null,
        null, null, null, null, null, null, null));
    assertThat(added.status()).isEqualTo(ContentStatus.PROCESSING);
    assertThat(added.type()).isEqualTo("url");
    assertThat(Eventually.until(WAIT, () -> kb.content(added.id()).orElseThrow().status() == ContentStatus.FAILED))
        .isTrue();
    assertThat(kb.content(added.id()).orElseThrow().statusMessage()).contains("non-public address");
  }

  @Test
  void a_knowledge_that_cannot_open_is_reported_and_the_others_work() throws Exception {
    knowledge("sources: []\n");
    write("knowledge/broken.yaml", """
        apiVersion: agentry.dev/v1
        kind: Knowledge
        metadata: {name: broken}
        spec:
          description: on a PostgreSQL that is not there
          vector_db: {type: pgvector, url: "postgresql://agentry:pw@127.0.0.1:1/none"}
        """);
    Engine engine = open();
    assertThat(engine.knowledge("broken")).isEmpty();
    assertThat(engine.knowledge("kb")).isPresent();
    assertThat(engine.knowledgeStatus()).anySatisfy(s -> {
      assertThat(s.id()).isEqualTo("broken");
      assertThat(s.index()).isEqualTo("pgvector");
      assertThat(s.failure()).isNotBlank();
    }).anySatisfy(s -> {
      assertThat(s.id()).isEqualTo("kb");
      assertThat(s.isOpen()).isTrue();
    });
  }

  @Test
  void the_example_knowledge_is_indexed_offline_at_start_and_answers_keyword_searches() throws Exception {
    Path examples = Path.of("../specs");
    Engine engine = Engine.create(SpecCompiler.create().compile(examples).orThrow(),
        c -> c.store(store).baseDir(examples).dataDir(data).env(name -> null));
    engines.add(engine);
    KnowledgeBase docs = engine.knowledge("agentry-docs").orElseThrow();
    assertThat(docs.awaitIdle(WAIT)).isTrue();

    assertThat(contents(docs)).isNotEmpty().extracting(KnowledgeContent::status)
        .containsOnly(ContentStatus.COMPLETED);
    assertThat(docs.searchTypes()).containsExactly(SearchType.KEYWORD);
    assertThat(docs.search("validate specs", null, Map.of("kind", "faq"), null)).isNotEmpty()
        .allSatisfy(h -> assertThat(h.chunk().name()).isEqualTo("agentry-faq.md"));
  }

  @Test
  void a_completed_content_whose_chunks_the_index_lost_is_indexed_again_at_the_next_open() throws Exception {
    knowledge("""
        sources:
          - path: docs/
        """);
    Engine first = open();
    KnowledgeBase kb = first.knowledge("kb").orElseThrow();
    KnowledgeContent upload = kb.add(ContentUpload.text("upload", "Glaciers carve fjords slowly.", Map.of()));
    assertThat(kb.awaitIdle(WAIT)).isTrue();
    first.close();
    engines.remove(first);
    // a crash after the contents table said COMPLETED and before the index committed the chunks
    try (LuceneIndex index = LuceneIndex.open(data.resolve("knowledge").resolve("kb"), 0)) {
      assertThat(index.delete(upload.id())).isTrue();
    }

    KnowledgeBase reopened = open().knowledge("kb").orElseThrow();
    assertThat(reopened.awaitIdle(WAIT)).isTrue();
    assertThat(reopened.content(upload.id())).get().extracting(KnowledgeContent::status)
        .isEqualTo(ContentStatus.COMPLETED);
    assertThat(names(reopened.search("glaciers", SearchType.KEYWORD, Map.of(), null))).containsExactly("upload");
  }

  private Engine open() {
    Catalog catalog = compile();
    Engine engine = Engine.create(catalog, c -> c.store(store).baseDir(specs).dataDir(data));
    engines.add(engine);
    return engine;
  }

  private Catalog compile() {
    return SpecCompiler.create().compile(specs).orThrow();
  }

  private void knowledge(String spec) throws IOException {
    write("knowledge/kb.yaml", """
        apiVersion: agentry.dev/v1
        kind: Knowledge
        metadata: {name: kb}
        spec:
          description: test documents
        """ + spec.indent(2));
  }

  private void write(String path, String text) throws IOException {
    Path file = specs.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static List<KnowledgeContent> contents(KnowledgeBase kb) {
    return kb.contents(PageRequest.of(1, 100, "created_at", SortOrder.ASC)).items();
  }

  private static String id(KnowledgeBase kb, String name) {
    return contents(kb).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().id();
  }

  private static List<String> names(List<SearchHit> hits) {
    return hits.stream().map(h -> h.chunk().name()).distinct().toList();
  }
}
