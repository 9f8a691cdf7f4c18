package dev.agentry.engine.compile;

import dev.agentry.engine.model.KnowledgeDef.IndexType;
import dev.agentry.engine.model.Providers;
import dev.agentry.engine.spec.Draft;
import dev.agentry.engine.spec.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The checks of a {@code Knowledge} resource that its schema cannot express: a vector database this release runs
 * (and its URL when it is a server), a search that has the embeddings it needs, an embedder whose provider can embed,
 * and chunks that advance. That each source sets exactly one of path, url and text is checked by {@link References},
 * the embedder's model reference and a source URL's scheme by the reference and URL checks.
 */
final class KnowledgeChecks {
  /** The code of the diagnostic for a vector database type that is accepted by the schema but not run yet. */
  static final String UNSUPPORTED = "unsupported-vector-db";
  /** The code of the diagnostic for a vector or hybrid search without an embedder. */
  static final String NO_EMBEDDER = "missing-embedder";
  /** The code of the diagnostic for an embedder whose provider has no embeddings API. */
  static final String NO_EMBEDDINGS = "no-embeddings-api";
  /** The code of the diagnostic for an overlap that is not smaller than the chunk size. */
  static final String CHUNKING = "bad-chunking";

  /** The vector database types this release runs, in the schema's order (lucene is the default). */
  static final List<String> SUPPORTED = Arrays.stream(IndexType.values())
      .map(t -> t.name().toLowerCase(Locale.ROOT)).toList();

  private KnowledgeChecks() {}

  /**
   * @param models the Model resources of the spec set by name, to find the provider of an embedder that names one
   */
  static void check(Draft knowledge, Map<String, Draft> models, Problems problems) {
    if (knowledge.kind() != Kind.KNOWLEDGE) {
      return;
    }
    JsonNode spec = knowledge.tree().path("spec");
    checkVectorDb(knowledge, spec.path("vector_db"), problems);
    checkSearch(knowledge, spec, problems);
    checkEmbedder(knowledge, spec.path("embedder").path("model"), models, problems);
    checkChunking(knowledge, spec.path("chunking"), problems);
  }

  private static void checkVectorDb(Draft knowledge, JsonNode db, Problems problems) {
    String type = db.path("type").asString("");
    if (type.isEmpty()) {
      return;
    }
    if (!SUPPORTED.contains(type)) {
      problems.at(knowledge, "/spec/vector_db/type", UNSUPPORTED, "vector_db type '" + type
          + "' is not supported yet; use lucene (the embedded default), memory or pgvector", null);
    } else if (type.equals("pgvector") && db.path("url").asString("").isBlank()) {
      problems.atKey(knowledge, "/spec/vector_db", "missing-field", "a pgvector vector_db needs 'url', the"
          + " PostgreSQL database that holds the vectors", "e.g. url: ${env:PGVECTOR_URL}, with"
          + " postgresql://user:password@host:5432/db in the variable");
    }
  }

  private static void checkSearch(Draft knowledge, JsonNode spec, Problems problems) {
    String search = spec.path("vector_db").path("search_type").asString("");
    if ((search.equals("vector") || search.equals("hybrid")) && !spec.path("embedder").has("model")) {
      problems.at(knowledge, "/spec/vector_db/search_type", NO_EMBEDDER, "a " + search
          + " search needs embeddings, but this knowledge has no embedder",
          "add embedder: {model: openai:text-embedding-3-small}, or use search_type: keyword");
    }
  }

  private static void checkEmbedder(Draft knowledge, JsonNode model, Map<String, Draft> models, Problems problems) {
    if (!model.isString()) {
      return;
    }
    String provider = providerOf(model.stringValue(), models);
    if (provider != null && Providers.isKnown(provider) && !Providers.hasEmbeddings(provider)) {
      problems.at(knowledge, "/spec/embedder/model", NO_EMBEDDINGS, "provider " + provider
          + " has no embeddings API, so it cannot be an embedder", "use openai or an OpenAI-compatible provider,"
          + " e.g. model: openai:text-embedding-3-small");
    }
  }

  /** The provider of a {@code provider:model_id} string or of the named Model resource; null when unknown. */
  private static @Nullable String providerOf(String model, Map<String, Draft> models) {
    int colon = model.indexOf(':');
    if (colon > 0) {
      return model.substring(0, colon);
    }
    Draft resource = models.get(model);
    JsonNode provider = resource == null ? null : resource.tree().at("/spec/provider");
    return provider != null && provider.isString() ? provider.stringValue() : null;
  }

  private static void checkChunking(Draft knowledge, JsonNode chunking, Problems problems) {
    JsonNode overlap = chunking.path("overlap");
    if (!overlap.isIntegralNumber()) {
      return;
    }
    JsonNode size = chunking.path("chunk_size");
    int chunkSize = size.isIntegralNumber() ? size.intValue() : Knowledges.DEFAULT_CHUNK_SIZE;
    if (overlap.intValue() >= chunkSize) {
      problems.at(knowledge, "/spec/chunking/overlap", CHUNKING, "overlap " + overlap.intValue()
          + " must be smaller than chunk_size " + chunkSize + (size.isIntegralNumber() ? "" : " (the default)")
          + ", or no chunk would advance", null);
    }
  }
}
