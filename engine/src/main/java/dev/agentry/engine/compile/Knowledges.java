package dev.agentry.engine.compile;

import dev.agentry.engine.knowledge.SearchType;
import dev.agentry.engine.model.KnowledgeDef;
import dev.agentry.engine.model.KnowledgeDef.ChunkingDef;
import dev.agentry.engine.model.KnowledgeDef.ChunkingStrategy;
import dev.agentry.engine.model.KnowledgeDef.EmbedderDef;
import dev.agentry.engine.model.KnowledgeDef.IndexDef;
import dev.agentry.engine.model.KnowledgeDef.IndexType;
import dev.agentry.engine.model.KnowledgeDef.SourceDef;
import dev.agentry.engine.model.ModelDef;
import dev.agentry.engine.spec.KnowledgeSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Compiles a Knowledge spec into its {@link KnowledgeDef}, with every default applied. */
final class Knowledges {
  static final int DEFAULT_CHUNK_SIZE = 5000;
  static final int DEFAULT_MAX_RESULTS = 10;
  static final int OPENAI_DIMENSIONS = 1536;

  private Knowledges() {}

  /**
   * @param folder the folder of the YAML file, which relative source paths are resolved against
   * @param defaultDb the catalog's default database, holding the contents when {@code contents_db} is not set
   */
  static KnowledgeDef compile(String id, KnowledgeSpec spec, Path folder, String defaultDb,
      Function<String, ModelDef> models, String file) {
    EmbedderDef embedder = spec.embedder() == null || spec.embedder().model() == null ? null
        : new EmbedderDef(models.apply(spec.embedder().model()),
            spec.embedder().dimensions() != null ? spec.embedder().dimensions() : OPENAI_DIMENSIONS);
    return new KnowledgeDef(id, id, spec.description() == null ? "" : spec.description(), sources(spec, folder),
        index(id, spec.vectorDb(), embedder != null), embedder, chunking(spec.chunking()),
        spec.maxResults() == null ? DEFAULT_MAX_RESULTS : spec.maxResults(),
        spec.contentsDb() == null ? defaultDb : spec.contentsDb(), file);
  }

  private static List<SourceDef> sources(KnowledgeSpec spec, Path folder) {
    List<SourceDef> sources = new ArrayList<>();
    for (KnowledgeSpec.Source s : spec.sources() == null ? List.<KnowledgeSpec.Source>of() : spec.sources()) {
      Map<String, Object> metadata = s.metadata() == null ? Map.of() : s.metadata();
      Path path = null;
      String glob = "**";
      if (s.path() != null) {
        String p = s.path();
        int star = p.indexOf('*');
        if (star >= 0) {
          int slash = p.lastIndexOf('/', star);
          glob = p.substring(slash + 1);
          p = slash < 0 ? "." : p.substring(0, slash);
        }
        path = folder.resolve(p).normalize();
      }
      sources.add(new SourceDef(path, glob, s.url(), s.text(), metadata));
    }
    return sources;
  }

  private static IndexDef index(String id, KnowledgeSpec.@Nullable VectorDb db, boolean embeddings) {
    SearchType fallback = embeddings ? SearchType.VECTOR : SearchType.KEYWORD;
    if (db == null) {
      return new IndexDef(IndexType.LUCENE, null, id, fallback);
    }
    IndexType type = db.type() == null ? IndexType.LUCENE : switch (db.type()) {
      case "memory" -> IndexType.MEMORY;
      case "pgvector" -> IndexType.PGVECTOR;
      default -> IndexType.LUCENE; // lancedb, qdrant, chroma: refused by KnowledgeChecks before this runs
    };
    return new IndexDef(type, db.url() == null ? null : db.url().value(),
        db.tableName() == null ? id : db.tableName(),
        db.searchType() == null ? fallback : SearchType.of(db.searchType()));
  }

  private static ChunkingDef chunking(KnowledgeSpec.@Nullable Chunking c) {
    if (c == null) {
      return new ChunkingDef(ChunkingStrategy.FIXED, DEFAULT_CHUNK_SIZE, 0);
    }
    return new ChunkingDef(c.strategy() == null ? ChunkingStrategy.FIXED
        : ChunkingStrategy.valueOf(c.strategy().toUpperCase(Locale.ROOT)),
        c.chunkSize() == null ? DEFAULT_CHUNK_SIZE : c.chunkSize(), c.overlap() == null ? 0 : c.overlap());
  }
}
