package dev.agentry.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentry.engine.spec.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The located compile errors of Knowledge resources ({@link KnowledgeChecks}). */
class KnowledgeChecksTest {
  @TempDir Path dir;

  /** The errors of a set of one Knowledge with {@code spec} (and the given other resources), rendered. */
  private List<String> errors(String spec, String... others) {
    String yaml = """
        apiVersion: agentry.dev/v1
        kind: Knowledge
        metadata: {name: docs}
        spec:
        """ + spec.indent(2) + String.join("", others);
    SpecCompiler.Result result = SpecSets.compile(dir, "knowledge.yaml", yaml);
    return result.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
        .map(d -> d.render("knowledge.yaml")).toList();
  }

  @Test
  void a_vector_database_that_is_not_run_yet_is_refused_where_its_type_is_written() {
    for (String type : List.of("lancedb", "qdrant", "chroma")) {
      assertThat(errors("""
          vector_db:
            type: %s
          """.formatted(type)))
          .containsExactly("knowledge.yaml:6:11: error: vector_db type '" + type + "' is not supported yet; use"
              + " lucene (the embedded default), memory or pgvector");
    }
  }

  @Test
  void the_supported_vector_databases_compile() {
    assertThat(errors("""
        vector_db: {type: lucene}
        """)).isEmpty();
    assertThat(errors("""
        vector_db: {type: memory, search_type: keyword}
        """)).isEmpty();
    assertThat(errors("""
        vector_db: {type: pgvector, url: "postgresql://localhost:5432/kb"}
        embedder: {model: openai:text-embedding-3-small}
        """)).isEmpty();
    assertThat(KnowledgeChecks.SUPPORTED).containsExactly("lucene", "memory", "pgvector");
  }

  @Test
  void pgvector_without_a_url_is_refused_at_its_key() {
    assertThat(errors("""
        description: Product docs
        vector_db:
          type: pgvector
        """))
        .containsExactly("knowledge.yaml:6:3: error: a pgvector vector_db needs 'url', the PostgreSQL database that"
            + " holds the vectors (e.g. url: ${env:PGVECTOR_URL}, with postgresql://user:password@host:5432/db in"
            + " the variable)");
  }

  @Test
  void pgvector_whose_url_variable_is_unset_is_refused_too() {
    assertThat(errors("""
        vector_db: {type: pgvector, url: "${env:AGENTRY_TEST_UNSET_PGVECTOR:-}"}
        """)).singleElement().asString().startsWith("knowledge.yaml:5:3: error: a pgvector vector_db needs 'url'");
  }

  @Test
  void a_vector_or_hybrid_search_without_an_embedder_is_refused_at_the_search_type() {
    for (String search : List.of("vector", "hybrid")) {
      assertThat(errors("""
          vector_db:
            type: memory
            search_type: %s
          """.formatted(search)))
          .containsExactly("knowledge.yaml:7:18: error: a " + search + " search needs embeddings, but this knowledge"
              + " has no embedder (add embedder: {model: openai:text-embedding-3-small}, or use search_type:"
              + " keyword)");
    }
    assertThat(errors("""
        vector_db: {search_type: hybrid}
        embedder: {model: openai:text-embedding-3-small}
        """)).as("with an embedder").isEmpty();
    assertThat(errors("""
        vector_db: {type: memory}
        """)).as("no search type: keyword search without an embedder").isEmpty();
  }

  @Test
  void an_embedder_whose_provider_has_no_embeddings_api_is_refused_at_the_model() {
    assertThat(errors("""
        embedder:
          model: anthropic:claude-sonnet-4-5
        """))
        .containsExactly("knowledge.yaml:6:12: error: provider anthropic has no embeddings API, so it cannot be an"
            + " embedder (use openai or an OpenAI-compatible provider, e.g. model: openai:text-embedding-3-small)");
  }

  @Test
  void an_embedder_naming_a_model_resource_is_checked_by_that_models_provider() {
    String models = """
        ---
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: offline}
        spec: {provider: scripted, script: {fallback: ok}}
        ---
        apiVersion: agentry.dev/v1
        kind: Model
        metadata: {name: local-embeddings}
        spec: {provider: ollama, id: nomic-embed-text}
        """;
    assertThat(errors("""
        embedder: {model: offline}
        """, models))
        .containsExactly("knowledge.yaml:5:21: error: provider scripted has no embeddings API, so it cannot be an"
            + " embedder (use openai or an OpenAI-compatible provider, e.g. model: openai:text-embedding-3-small)");
    assertThat(errors("""
        embedder: {model: local-embeddings}
        """, models)).isEmpty();
  }

  @Test
  void an_overlap_not_smaller_than_the_chunk_size_is_refused_at_the_overlap() {
    assertThat(errors("""
        chunking:
          chunk_size: 200
          overlap: 200
        """))
        .containsExactly("knowledge.yaml:7:14: error: overlap 200 must be smaller than chunk_size 200, or no chunk"
            + " would advance");
    assertThat(errors("""
        chunking: {overlap: 6000}
        """))
        .containsExactly("knowledge.yaml:5:23: error: overlap 6000 must be smaller than chunk_size 5000 (the"
            + " default), or no chunk would advance");
    assertThat(errors("""
        chunking: {chunk_size: 200, overlap: 199}
        """)).isEmpty();
  }

  @Test
  void a_source_with_none_or_several_of_path_url_and_text_is_refused_at_the_source() {
    assertThat(errors("""
        sources:
          - text: Our refund policy is 30 days.
            url: https://example.com/refunds
          - metadata: {topic: refunds}
        """)).containsExactly(
            "knowledge.yaml:6:7: error: a knowledge source can be only one of path, url, text, but has url and text",
            "knowledge.yaml:8:7: error: a knowledge source needs exactly one of path, url, text");
  }

  @Test
  void every_problem_of_one_knowledge_is_reported_at_once() {
    assertThat(errors("""
        vector_db: {type: qdrant, search_type: vector}
        embedder: {model: scripted:any}
        chunking: {chunk_size: 10, overlap: 50}
        """)).extracting(line -> line.substring(0, line.indexOf(" error"))).containsExactly(
            "knowledge.yaml:5:21:", "knowledge.yaml:6:21:", "knowledge.yaml:7:39:");
  }
}
