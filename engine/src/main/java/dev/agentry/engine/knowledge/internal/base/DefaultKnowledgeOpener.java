package dev.agentry.engine.knowledge.internal.base;

import dev.agentry.engine.knowledge.Embedder;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.knowledge.KnowledgeIndex;
import dev.agentry.engine.knowledge.KnowledgeOpener;
import dev.agentry.engine.knowledge.internal.embed.Embedders;
import dev.agentry.engine.knowledge.internal.lucene.LuceneIndex;
import dev.agentry.engine.knowledge.internal.pgvector.PgVectorIndex;
import dev.agentry.engine.model.KnowledgeDef;
import dev.agentry.engine.store.SessionStore;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Opens Knowledge resources on the built-in runtime: the index {@code vector_db} names (Lucene on disk in
 * {@code <dataDir>/knowledge/<table_name>}, Lucene in memory, or pgvector), the embedder, and the contents table in
 * the {@code contents_db} database. Uploads are kept in {@code <dataDir>/knowledge/.uploads/<id>} (in memory for an
 * in-memory index).
 */
public final class DefaultKnowledgeOpener implements KnowledgeOpener {
  private final Path dataDir;
  private final Path specRoot;
  private final HttpClient http;
  private final Function<String, @Nullable String> env;
  private final Function<String, SessionStore> stores;
  private final Clock clock;
  private final ContentReader reader;

  /**
   * @param dataDir the engine's data folder
   * @param specRoot the spec folder, which the ids of spec files are relative to
   * @param stores the store of a Database id
   */
  public DefaultKnowledgeOpener(Path dataDir, Path specRoot, HttpClient http, Function<String, @Nullable String> env,
      Function<String, SessionStore> stores, Clock clock) {
    this(dataDir, specRoot, http, env, stores, clock, ContentReader.create());
  }

  DefaultKnowledgeOpener(Path dataDir, Path specRoot, HttpClient http, Function<String, @Nullable String> env,
      Function<String, SessionStore> stores, Clock clock, ContentReader reader) {
    this.specRoot = specRoot.toAbsolutePath().normalize();
    this.dataDir = dataDir;
    this.http = http;
    this.env = env;
    this.stores = stores;
    this.clock = clock;
    this.reader = reader;
  }

  /** The folder of the embedded indexes. */
  public static Path knowledgeDir(Path dataDir) {
    return dataDir.resolve("knowledge");
  }

  @Override
  public KnowledgeBase open(KnowledgeDef def) {
    SessionStore store = stores.apply(def.contentsDb());
    Path uploads = def.index().type() == KnowledgeDef.IndexType.MEMORY ? null
        : knowledgeDir(dataDir).resolve(".uploads").resolve(def.id());
    return DefaultKnowledgeBase.open(def, store, this::parts, uploads, reader, clock, specRoot);
  }

  /** The index and embedder of {@code def}. */
  Parts parts(KnowledgeDef def) {
    Embedder embedder = def.embedder() == null ? null : Embedders.open(def.embedder(), http, env);
    int dims = embedder == null ? 0 : embedder.dimensions();
    KnowledgeDef.IndexDef index = def.index();
    KnowledgeIndex opened = switch (index.type()) {
      case LUCENE -> LuceneIndex.open(knowledgeDir(dataDir).resolve(index.tableName()), dims);
      case MEMORY -> LuceneIndex.open(null, dims);
      case PGVECTOR -> {
        if (index.url() == null) {
          throw new KnowledgeException("knowledge '" + def.id() + "': vector_db type pgvector needs a url");
        }
        yield PgVectorIndex.open(index.url(), index.tableName(), dims);
      }
    };
    return new Parts(opened, embedder);
  }
}
