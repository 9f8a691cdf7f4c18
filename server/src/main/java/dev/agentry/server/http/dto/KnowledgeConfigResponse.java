package dev.agentry.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.knowledge.SearchType;
import dev.agentry.engine.knowledge.internal.chunk.Chunkers;
import dev.agentry.engine.knowledge.internal.read.Reader;
import dev.agentry.engine.knowledge.internal.read.Readers;
import dev.agentry.engine.model.KnowledgeDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /knowledge/config} ({@code ConfigResponseSchema}, {@code agentos-api.md} §2.9): the readers (each with
 * the chunkers it can use), which readers read which content type, the chunkers (with the Knowledge's size and
 * overlap as their settings), the metadata keys to filter on, the Knowledge's index as its one vector database, and
 * no remote content sources ({@code null}, as Agno answers without any).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KnowledgeConfigResponse(
    Map<String, ReaderSchema> readers,
    @JsonProperty("readersForType") Map<String, List<String>> readersForType,
    Map<String, ChunkerSchema> chunkers,
    List<String> filters,
    List<VectorDbSchema> vectorDbs,
    @Nullable List<Object> remoteContentSources) {

  /** A reader: {@code chunkers} lists the chunker keys it may be combined with. */
  public record ReaderSchema(String id, String name, String description, List<String> chunkers) {}

  /** A chunker; {@code metadata} holds its {@code chunk_size} and {@code chunk_overlap}. */
  public record ChunkerSchema(String key, String name, String description, Map<String, Object> metadata) {}

  /** The Knowledge's index; {@code search_types} are those it answers. */
  public record VectorDbSchema(String id, String name, String description, List<String> searchTypes) {}

  public static KnowledgeConfigResponse of(KnowledgeBase base) {
    KnowledgeDef def = base.def();
    List<Chunkers.ChunkerInfo> chunkerInfos = Chunkers.all();
    Map<String, ReaderSchema> readers = new LinkedHashMap<>();
    for (Reader reader : Readers.all()) {
      readers.put(reader.id(), new ReaderSchema(reader.id(), reader.name(), reader.description(),
          reader.chunkers()));
    }
    Map<String, ChunkerSchema> chunkers = new LinkedHashMap<>();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("chunk_size", def.chunking().size());
    settings.put("chunk_overlap", def.chunking().overlap());
    for (Chunkers.ChunkerInfo info : chunkerInfos) {
      chunkers.put(info.key(), new ChunkerSchema(info.key(), info.name(), info.description(), settings));
    }
    List<String> searchTypes = base.searchTypes().stream().sorted().map(SearchType::key).toList();
    VectorDbSchema index = new VectorDbSchema(vectorDbId(def), vectorDbId(def), describe(def.index().type()),
        searchTypes);
    return new KnowledgeConfigResponse(readers, Readers.readersForType(), chunkers,
        base.filterKeys().stream().sorted().toList(), List.of(index), null);
  }

  /** The id the Knowledge's index goes by ({@code vector_db_ids} of a search): its table or folder name. */
  public static String vectorDbId(KnowledgeDef def) {
    return def.index().tableName();
  }

  private static String describe(KnowledgeDef.IndexType type) {
    return switch (type) {
      case LUCENE -> "Embedded Lucene index on disk";
      case MEMORY -> "Embedded Lucene index in memory";
      case PGVECTOR -> "PostgreSQL with pgvector";
    };
  }
}
