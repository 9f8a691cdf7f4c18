package dev.agentry.engine.knowledge.internal.base;

import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.ContentUpload;
import dev.agentry.engine.knowledge.Embedder;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.knowledge.KnowledgeIndex;
import dev.agentry.engine.knowledge.SearchHit;
import dev.agentry.engine.knowledge.SearchQuery;
import dev.agentry.engine.knowledge.SearchType;
import dev.agentry.engine.knowledge.internal.ContentIds;
import dev.agentry.engine.knowledge.internal.chunk.Chunkers;
import dev.agentry.engine.model.KnowledgeDef;
import dev.agentry.engine.model.KnowledgeDef.ChunkingDef;
import dev.agentry.engine.model.KnowledgeDef.ChunkingStrategy;
import dev.agentry.engine.store.KnowledgeContent;
import dev.agentry.engine.store.KnowledgeContent.ContentStatus;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.SortOrder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in {@link KnowledgeBase}: contents recorded in the Knowledge's contents database, read, chunked, embedded
 * and indexed in the background ({@link Ingestion}), the spec's sources synced at open and at each reload
 * ({@link SourceSync}), uploads kept ({@link KeptUploads}) so that a fresh index (another index kind, embedder or
 * chunking, or an in-memory index after a restart) can index them again.
 *
 * <p>Each scheduled ingestion of a content carries a token; only the latest one of a content writes its status, so a
 * delete or a newer ingestion of the same content wins over one still running.
 */
public final class DefaultKnowledgeBase implements KnowledgeBase {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultKnowledgeBase.class);
  /** How many chunks are embedded per call. */
  static final int EMBED_BATCH = 64;

  private final SessionStore store;
  private final Parts.Opener opener;
  private final KeptUploads uploads;
  private final ContentReader reader;
  private final Clock clock;
  private final Path root;
  private final Ingestion ingestion = new Ingestion();
  private final Map<String, Object> tokens = new ConcurrentHashMap<>();
  /** Guards status writes against deletes (a content deleted while indexed must not come back). */
  private final Object writes = new Object();
  /** One sync at a time. */
  private final Object syncs = new Object();
  private volatile KnowledgeDef def;
  private volatile Parts parts;

  private DefaultKnowledgeBase(KnowledgeDef def, Parts parts, SessionStore store, Parts.Opener opener,
      KeptUploads uploads, ContentReader reader, Clock clock, Path root) {
    this.root = root;
    this.def = def;
    this.parts = parts;
    this.store = store;
    this.opener = opener;
    this.uploads = uploads;
    this.reader = reader;
    this.clock = clock;
  }

  /**
   * Opens the Knowledge {@code def} declares and starts syncing its sources in the background; contents left
   * PROCESSING by a previous run, those completed whose chunks the index lost, and every content when the index is
   * empty, are indexed again.
   *
   * @param uploadsFolder where uploads are kept, or null to keep them in memory
   * @param root the spec folder, which the ids of spec files are relative to
   */
  static DefaultKnowledgeBase open(KnowledgeDef def, SessionStore store, Parts.Opener opener,
      @Nullable Path uploadsFolder, ContentReader reader, Clock clock, Path root) {
    Parts parts = opener.open(def);
    DefaultKnowledgeBase base = new DefaultKnowledgeBase(def, parts, store, opener, new KeptUploads(uploadsFolder),
        reader, clock, root);
    boolean empty;
    try {
      empty = parts.index().count() == 0;
      if (!empty && base.all().isEmpty()) {
        // an index without contents (an in-memory contents database restarted, or a new one): its chunks would be
        // found with no content to show for them, so it starts again from the sources
        parts.index().deleteAll();
        empty = true;
      }
    } catch (RuntimeException e) {
      parts.index().close();
      throw e;
    }
    boolean fresh = empty;
    base.ingestion.background(() -> {
      if (!fresh) {
        base.requeueLost();
      }
      base.sync(fresh);
    });
    return base;
  }

  /**
   * Marks PROCESSING the contents recorded COMPLETED whose chunks the index lacks (a crash between the contents
   * table's write and the index's commit), so that the sync that follows indexes them again.
   */
  private void requeueLost() {
    synchronized (writes) {
      for (KnowledgeContent c : all()) {
        if (c.status() == ContentStatus.COMPLETED && c.size() > 0 && !parts.index().holds(c.id())) {
          LOG.warn("knowledge {}: content {} ({}) is completed but its chunks are missing from the index; indexing it"
              + " again", def.id(), c.id(), c.name());
          store.saveContent(c.withStatus(ContentStatus.PROCESSING, "", now()));
        }
      }
    }
  }

  @Override
  public KnowledgeDef def() {
    return def;
  }

  @Override
  public Set<SearchType> searchTypes() {
    return parts.index().searchTypes();
  }

  /**
   * Serves {@code next} (a reload changed the resource): a new index kind, table, embedder or chunking opens a fresh
   * index and indexes every content again; otherwise only the sources that changed are synced.
   *
   * @throws KnowledgeException when the new index or embedder cannot be opened (the previous ones are opened again)
   */
  public void reconfigure(KnowledgeDef next) {
    KnowledgeDef before = def;
    if (before.equals(next)) {
      return;
    }
    boolean fresh = Parts.changed(before, next);
    if (fresh) {
      synchronized (writes) {
        tokens.clear(); // the ingestions in flight write nothing more: every content is indexed again
        // the old index is closed first: the new one may live in the same folder (same table, new embedder)
        parts.index().close();
        Parts opened;
        try {
          opened = opener.open(next);
        } catch (RuntimeException e) {
          parts = opener.open(before);
          throw e;
        }
        opened.index().deleteAll();
        parts = opened;
        def = next;
      }
      LOG.info("knowledge {}: index, embedder or chunking changed; indexing every content again", next.id());
    } else {
      def = next;
    }
    syncInBackground(fresh);
  }

  /** Syncs the spec's sources again in the background (a reload that left the resource unchanged). */
  public void resync() {
    syncInBackground(false);
  }

  @Override
  public KnowledgeContent add(ContentUpload upload) {
    validate(upload);
    String id = ContentIds.of(upload);
    synchronized (writes) {
      Optional<KnowledgeContent> existing = content(id);
      if (existing.isPresent()) {
        return existing.get();
      }
      long now = now();
      KnowledgeContent record = new KnowledgeContent(id, def.id(), name(upload), upload.description() == null ? ""
          : upload.description(), upload.metadata(), type(upload), 0, ContentStatus.PROCESSING, "", 0, null, now,
          now);
      uploads.keep(id, upload);
      store.saveContent(record);
      schedule(record, Payload.of(upload));
      return record;
    }
  }

  @Override
  public Optional<KnowledgeContent> content(String contentId) {
    return store.findContent(contentId).filter(c -> c.linkedTo().equals(def.id()));
  }

  @Override
  public Page<KnowledgeContent> contents(PageRequest page) {
    return store.listContents(def.id(), page);
  }

  /**
   * Rewrites the record, then indexes the content again from its kept upload or its spec source, so that the chunks
   * carry the new metadata (the content is PROCESSING meanwhile).
   */
  @Override
  public Optional<KnowledgeContent> update(String contentId, @Nullable String name, @Nullable String description,
      @Nullable Map<String, Object> metadata) {
    synchronized (writes) {
      Optional<KnowledgeContent> found = content(contentId);
      if (found.isEmpty()) {
        return found;
      }
      KnowledgeContent c = found.get();
      boolean reindex = metadata != null && !metadata.equals(c.metadata());
      KnowledgeContent updated = new KnowledgeContent(c.id(), c.linkedTo(), name == null ? c.name() : name,
          description == null ? c.description() : description, metadata == null ? c.metadata() : metadata, c.type(),
          c.size(), reindex ? ContentStatus.PROCESSING : c.status(), reindex ? "" : c.statusMessage(),
          c.accessCount(), c.externalId(), c.createdAt(), now());
      store.saveContent(updated);
      if (reindex) {
        Optional<Payload> payload = payload(updated);
        if (payload.isPresent()) {
          schedule(updated, payload.get());
        } else {
          fail(updated, "its source was not kept; upload it again");
        }
      }
      return Optional.of(updated);
    }
  }

  @Override
  public Optional<KnowledgeContent> delete(String contentId) {
    synchronized (writes) {
      Optional<KnowledgeContent> found = content(contentId);
      if (found.isEmpty()) {
        return found;
      }
      tokens.remove(contentId);
      parts.index().delete(contentId);
      store.deleteContent(contentId);
      uploads.drop(contentId);
      return found;
    }
  }

  @Override
  public void deleteAll() {
    synchronized (writes) {
      tokens.clear();
      parts.index().deleteAll();
      for (KnowledgeContent c : all()) {
        store.deleteContent(c.id());
      }
      uploads.dropAll();
    }
  }

  @Override
  public List<SearchHit> search(String query, @Nullable SearchType type, Map<String, Object> filters,
      @Nullable Integer limit) {
    Parts now = parts;
    SearchType used = type == null ? def.index().searchType() : type;
    Set<SearchType> supported = now.index().searchTypes();
    if (!supported.contains(used)) {
      throw new IllegalArgumentException("knowledge '" + def.id() + "' cannot answer a " + used.key()
          + " search; it supports " + String.join(", ", supported.stream().sorted().map(SearchType::key).toList())
          + (now.embedder() == null ? " (vector and hybrid search need an embedder)" : ""));
    }
    float[] vector = null;
    if (used != SearchType.KEYWORD) {
      if (now.embedder() == null) {
        throw new IllegalArgumentException("knowledge '" + def.id() + "' has no embedder: use keyword search");
      }
      vector = now.embedder().embed(List.of(query)).get(0);
    }
    return now.index().search(new SearchQuery(query, vector, used, filters, limit == null ? def.maxResults() : limit));
  }

  @Override
  public Set<String> filterKeys() {
    Set<String> keys = new TreeSet<>();
    for (KnowledgeContent c : all()) {
      keys.addAll(c.metadata().keySet());
    }
    return keys;
  }

  @Override
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return ingestion.awaitIdle(timeout);
  }

  /** Stops the ingestion in flight and closes the index; contents still PROCESSING are indexed at the next open. */
  @Override
  public void close() {
    ingestion.close();
    try {
      parts.index().close();
    } catch (RuntimeException e) {
      LOG.warn("knowledge {}: closing its index failed: {}", def.id(), e.getMessage());
    }
  }

  /** Every content of this Knowledge. */
  private List<KnowledgeContent> all() {
    List<KnowledgeContent> all = new ArrayList<>();
    for (int page = 1; ; page++) {
      Page<KnowledgeContent> p = store.listContents(def.id(), PageRequest.of(page, 500, "created_at", SortOrder.ASC));
      all.addAll(p.items());
      if (p.items().size() < 500) {
        return all;
      }
    }
  }

  private void syncInBackground(boolean fresh) {
    ingestion.background(() -> sync(fresh));
  }

  /**
   * Brings the contents in line with the spec's sources: adds the new ones, indexes again those whose fingerprint
   * changed (all of them when {@code fresh}), drops those no longer declared; uploads are indexed again when
   * {@code fresh} or left PROCESSING.
   */
  private void sync(boolean fresh) {
    synchronized (syncs) {
      syncNow(fresh);
    }
  }

  private void syncNow(boolean fresh) {
    KnowledgeDef current = def;
    Map<String, SourceSync.Declared> declared = SourceSync.declared(current, root);
    Map<String, KnowledgeContent> existing = new LinkedHashMap<>();
    all().forEach(c -> existing.put(c.id(), c));
    int added = 0;
    int changed = 0;
    int dropped = 0;
    synchronized (writes) {
      for (SourceSync.Declared d : declared.values()) {
        KnowledgeContent ex = existing.get(d.contentId());
        long now = now();
        if (ex == null) {
          KnowledgeContent record = new KnowledgeContent(d.contentId(), current.id(), d.name(), "", d.metadata(),
              d.type(), 0, ContentStatus.PROCESSING, "", 0, d.externalId(), now, now);
          store.saveContent(record);
          schedule(record, d.payload());
          added++;
        } else if (ex.externalId() != null && ex.externalId().startsWith(SourceSync.PREFIX)
            && (fresh || !d.externalId().equals(ex.externalId()) || ex.status() == ContentStatus.PROCESSING)) {
          boolean sameSource = d.externalId().equals(ex.externalId());
          KnowledgeContent record = new KnowledgeContent(ex.id(), ex.linkedTo(), sameSource ? ex.name() : d.name(),
              ex.description(), sameSource ? ex.metadata() : d.metadata(), d.type(), ex.size(),
              ContentStatus.PROCESSING, "", ex.accessCount(), d.externalId(), ex.createdAt(), now);
          store.saveContent(record);
          schedule(record, d.payload());
          changed++;
        }
      }
      for (KnowledgeContent ex : existing.values()) {
        boolean spec = ex.externalId() != null && ex.externalId().startsWith(SourceSync.PREFIX);
        if (spec && !declared.containsKey(ex.id())) {
          tokens.remove(ex.id());
          parts.index().delete(ex.id());
          store.deleteContent(ex.id());
          dropped++;
        } else if (!spec && (fresh || ex.status() == ContentStatus.PROCESSING)) {
          Optional<ContentUpload> kept = uploads.find(ex.id());
          KnowledgeContent record = ex.withStatus(ContentStatus.PROCESSING, "", now());
          if (kept.isPresent()) {
            store.saveContent(record);
            schedule(record, Payload.of(kept.get()));
          } else {
            fail(record, "its upload was not kept; upload it again");
          }
        }
      }
    }
    if (added + changed + dropped > 0) {
      LOG.info("knowledge {}: sources synced: {} new, {} changed, {} dropped ({} declared)", current.id(), added,
          changed, dropped, declared.size());
    }
  }

  /** Schedules the ingestion of {@code record}; replaces any ingestion of it still pending. */
  private void schedule(KnowledgeContent record, Payload payload) {
    Object token = new Object();
    tokens.put(record.id(), token);
    ingestion.ingest(() -> ingest(record.id(), payload, token));
  }

  private void ingest(String contentId, Payload payload, Object token) {
    if (tokens.get(contentId) != token) {
      return;
    }
    long started = System.nanoTime();
    KnowledgeDef current = def;
    try {
      ContentUpload upload = payload.load();
      Optional<KnowledgeContent> record = content(contentId);
      if (record.isEmpty()) {
        return;
      }
      String name = record.get().name();
      ContentUpload withMetadata = new ContentUpload(upload.name(), upload.description(), record.get().metadata(),
          upload.url(), upload.file(), upload.fileName(), upload.contentType(), upload.text(), upload.readerId(),
          upload.chunker(), upload.chunkSize(), upload.overlap());
      ContentReader.Read read = reader.read(withMetadata, name);
      List<Chunk> chunks = Chunkers.chunk(contentId, read.documents(), chunking(upload, current.chunking()));
      Parts used = parts;
      chunks = embed(chunks, used.embedder());
      if (ingestion.closed() || Thread.currentThread().isInterrupted()) {
        return;
      }
      synchronized (writes) {
        if (tokens.get(contentId) != token) {
          return;
        }
        used.index().replace(contentId, chunks);
        KnowledgeContent c = content(contentId).orElse(record.get());
        store.saveContent(new KnowledgeContent(c.id(), c.linkedTo(), c.name(), c.description(), c.metadata(),
            c.type(), read.size(), ContentStatus.COMPLETED, "", c.accessCount(), c.externalId(), c.createdAt(),
            now()));
        tokens.remove(contentId, token);
      }
      LOG.info("knowledge {}: indexed '{}' ({} chunks, {} bytes) in {} ms", current.id(), name, chunks.size(),
          read.size(), (System.nanoTime() - started) / 1_000_000);
    } catch (Exception e) {
      if (ingestion.closed() || e instanceof InterruptedException) {
        return; // stopping: the content stays PROCESSING and is indexed at the next open
      }
      String message = sentence(e);
      synchronized (writes) {
        if (tokens.get(contentId) != token) {
          return;
        }
        content(contentId).ifPresent(c -> fail(c, message));
        tokens.remove(contentId, token);
      }
      LOG.warn("knowledge {}: content {} failed: {}", current.id(), contentId, message);
    }
  }

  private List<Chunk> embed(List<Chunk> chunks, @Nullable Embedder embedder) {
    if (embedder == null || chunks.isEmpty()) {
      return chunks;
    }
    List<Chunk> embedded = new ArrayList<>(chunks.size());
    for (int from = 0; from < chunks.size(); from += EMBED_BATCH) {
      List<Chunk> batch = chunks.subList(from, Math.min(chunks.size(), from + EMBED_BATCH));
      List<float[]> vectors = embedder.embed(batch.stream().map(Chunk::content).toList());
      if (vectors.size() != batch.size()) {
        throw new KnowledgeException("the embedder returned " + vectors.size() + " embeddings for " + batch.size()
            + " chunks");
      }
      for (int i = 0; i < batch.size(); i++) {
        embedded.add(batch.get(i).withEmbedding(vectors.get(i)));
      }
    }
    return embedded;
  }

  private void fail(KnowledgeContent c, String message) {
    store.saveContent(c.withStatus(ContentStatus.FAILED, message, now()));
  }

  private Optional<Payload> payload(KnowledgeContent c) {
    if (c.externalId() != null && c.externalId().startsWith(SourceSync.PREFIX)) {
      SourceSync.Declared d = SourceSync.declared(def, root).get(c.id());
      return Optional.ofNullable(d == null ? null : d.payload());
    }
    return uploads.find(c.id()).map(Payload::of);
  }

  /** The upload's chunking, else the Knowledge's. */
  static ChunkingDef chunking(ContentUpload upload, ChunkingDef base) {
    ChunkingStrategy strategy = upload.chunker() == null ? base.strategy() : strategy(upload.chunker());
    return new ChunkingDef(strategy, upload.chunkSize() == null ? base.size() : upload.chunkSize(),
        upload.overlap() == null ? base.overlap() : upload.overlap());
  }

  /** The strategy a chunker key names: Agno's key ({@code FixedSizeChunker}) or the spec's word ({@code fixed}). */
  static ChunkingStrategy strategy(String chunker) {
    for (Chunkers.ChunkerInfo info : Chunkers.all()) {
      if (info.key().equalsIgnoreCase(chunker) || info.strategy().equalsIgnoreCase(chunker)) {
        return ChunkingStrategy.valueOf(info.strategy().toUpperCase(Locale.ROOT));
      }
    }
    throw new IllegalArgumentException("unknown chunker '" + chunker + "'; the chunkers are "
        + String.join(", ", Chunkers.all().stream().map(Chunkers.ChunkerInfo::key).toList()));
  }

  private static void validate(ContentUpload upload) {
    int given = (upload.url() != null ? 1 : 0) + (upload.file() != null ? 1 : 0) + (upload.text() != null ? 1 : 0);
    if (given != 1) {
      throw new IllegalArgumentException(given == 0 ? "the content has no url, file or text"
          : "give only one of url, file and text");
    }
    if (upload.url() != null) {
      try {
        URI uri = URI.create(upload.url().strip());
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
          throw new IllegalArgumentException("'" + upload.url() + "' is not an http or https URL");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + upload.url() + "' is not an http or https URL", e);
      }
    }
    if (upload.readerId() != null) {
      ContentReader.reader(upload.readerId(), null, null);
    }
    if (upload.chunker() != null) {
      strategy(upload.chunker());
    }
    if (upload.chunkSize() != null && upload.chunkSize() < 1) {
      throw new IllegalArgumentException("chunk_size must be at least 1, got " + upload.chunkSize());
    }
    if (upload.overlap() != null && upload.overlap() < 0) {
      throw new IllegalArgumentException("overlap must be 0 or more, got " + upload.overlap());
    }
  }

  private static String name(ContentUpload upload) {
    if (upload.name() != null && !upload.name().isBlank()) {
      return upload.name();
    }
    if (upload.fileName() != null) {
      return upload.fileName();
    }
    if (upload.url() != null) {
      String last = ContentReader.lastSegment(URI.create(upload.url().strip()));
      return last.isEmpty() ? upload.url() : last;
    }
    return "text";
  }

  private static String type(ContentUpload upload) {
    if (upload.url() != null) {
      return "url";
    }
    if (upload.text() != null) {
      return "text";
    }
    return upload.fileName() != null ? SourceSync.extension(upload.fileName())
        : upload.contentType() != null ? upload.contentType() : "file";
  }

  /** One sentence saying why: the exception's message, else its kind. */
  private static String sentence(Exception e) {
    String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
        : e.getMessage().strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }
}
