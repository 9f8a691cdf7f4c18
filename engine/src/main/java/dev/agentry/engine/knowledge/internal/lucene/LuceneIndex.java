package dev.agentry.engine.knowledge.internal.lucene;

import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.knowledge.KnowledgeIndex;
import dev.agentry.engine.knowledge.SearchHit;
import dev.agentry.engine.knowledge.SearchQuery;
import dev.agentry.engine.knowledge.SearchType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;

/**
 * The embedded index on Apache Lucene: BM25 keyword search over the chunks' text (Lucene's {@link EnglishAnalyzer}:
 * English stop words and Porter stemming), HNSW vector search with cosine similarity when the knowledge has
 * embeddings, and hybrid search fusing both by reciprocal rank (k = 60).
 *
 * <p>Thread-safe: one {@link IndexWriter}; searches use a {@link SearcherManager} that a search (or count) refreshes
 * first when writes returned since the last refresh, so every write is visible to the next search while an ingest
 * without searches in between is not slowed by a refresh per content; a content's chunks are replaced in one atomic
 * update. On disk, changes
 * are committed (made durable) at most {@link #COMMIT_DELAY_MS} ms after a write and when the index closes; a crash
 * loses at most that last second.
 */
public final class LuceneIndex implements KnowledgeIndex {
  /**
   * Lucene tells, through java.util.logging and on stderr at first use, that the incubating Vector API is not
   * enabled. Enabling it would make the JDK print a warning of its own at every start of the command line, so the
   * scalar code is used on purpose and the notice is kept out of `agentry run` output. Held so the level stays set.
   */
  private static final java.util.logging.Logger VECTORIZATION_NOTICE = quietVectorizationNotice();

  /** How long a write waits before its commit, so a burst of writes shares one fsync. */
  static final long COMMIT_DELAY_MS = 1000;

  private final String where;
  private final int dimensions;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final LuceneSearch search;
  private final ReentrantLock writes = new ReentrantLock();
  private final Object refreshLock = new Object();
  /** Writes done so far, and how many of them the searchers see. */
  private final AtomicLong written = new AtomicLong();
  private volatile long refreshed;
  private final @Nullable ScheduledExecutorService committer;
  private @Nullable ScheduledFuture<?> pendingCommit;
  private boolean closed;

  private LuceneIndex(String where, int dimensions, Directory directory, boolean persistent) throws IOException {
    this.where = where;
    this.dimensions = dimensions;
    this.directory = directory;
    IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(64);
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, null);
    this.search = new LuceneSearch(new EnglishAnalyzer(), dimensions);
    this.committer = persistent ? Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
        .name("lucene-commit").factory()) : null;
    checkDimensions();
  }

  /**
   * Opens (creating it if needed) the index in {@code folder}, or in memory when it is null.
   *
   * @param dimensions the embeddings' size, or 0 for keyword search only
   * @throws KnowledgeException when the folder cannot be opened or holds embeddings of another size
   */
  public static LuceneIndex open(@Nullable Path folder, int dimensions) {
    if (dimensions < 0) {
      throw new IllegalArgumentException("dimensions must not be negative, got " + dimensions);
    }
    String where = folder == null ? "in memory" : "in " + folder;
    Directory directory = null;
    try {
      if (folder != null) {
        Files.createDirectories(folder);
      }
      directory = folder == null ? new ByteBuffersDirectory() : FSDirectory.open(folder);
      return new LuceneIndex(where, dimensions, directory, folder != null);
    } catch (IOException | RuntimeException e) {
      closeQuietly(directory);
      if (e instanceof KnowledgeException known) {
        throw known;
      }
      throw new KnowledgeException("cannot open the Lucene index " + where + ": " + e.getMessage(), e);
    }
  }

  private void checkDimensions() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(ChunkDocuments.VECTOR);
        if (info != null && dimensions > 0 && info.getVectorDimension() != dimensions) {
          close();
          throw new KnowledgeException("the Lucene index " + where + " holds embeddings of "
              + info.getVectorDimension() + " dimensions but the embedder makes " + dimensions
              + "; delete the index folder (its contents are indexed again) or use the embedder it was built with");
        }
      }
    } finally {
      searchers.release(searcher);
    }
  }

  @Override
  public Set<SearchType> searchTypes() {
    return dimensions > 0 ? EnumSet.allOf(SearchType.class) : EnumSet.of(SearchType.KEYWORD);
  }

  @Override
  public void replace(String contentId, List<Chunk> chunks) {
    List<Document> docs = new ArrayList<>(chunks.size());
    for (Chunk chunk : chunks) {
      if (!chunk.contentId().equals(contentId)) {
        throw new KnowledgeException("chunk " + chunk.id() + " belongs to content " + chunk.contentId() + ", not "
            + contentId);
      }
      docs.add(ChunkDocuments.of(chunk, dimensions));
    }
    write(() -> {
      Term term = new Term(ChunkDocuments.CONTENT_ID, contentId);
      if (docs.isEmpty()) {
        writer.deleteDocuments(term);
      } else {
        writer.updateDocuments(term, docs);
      }
      return null;
    });
  }

  @Override
  public boolean delete(String contentId) {
    return write(() -> {
      TermQuery query = new TermQuery(new Term(ChunkDocuments.CONTENT_ID, contentId));
      IndexSearcher searcher = current();
      int had;
      try {
        had = searcher.count(query);
      } finally {
        searchers.release(searcher);
      }
      if (had > 0) {
        writer.deleteDocuments(query);
      }
      return had > 0;
    });
  }

  @Override
  public void deleteAll() {
    write(() -> {
      writer.deleteAll();
      return null;
    });
  }

  @Override
  public List<SearchHit> search(SearchQuery query) {
    if (!searchTypes().contains(query.type())) {
      throw new KnowledgeException(query.type().key() + " search needs embeddings; this knowledge has no embedder,"
          + " so only keyword search works");
    }
    try {
      IndexSearcher searcher = current();
      try {
        return search.run(searcher, query);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new KnowledgeException("cannot search the Lucene index " + where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean holds(String contentId) {
    try {
      IndexSearcher searcher = current();
      try {
        return searcher.count(new TermQuery(new Term(ChunkDocuments.CONTENT_ID, contentId))) > 0;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new KnowledgeException("cannot read the Lucene index " + where + ": " + e.getMessage(), e);
    }
  }

  @Override
  public long count() {
    try {
      IndexSearcher searcher = current();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new KnowledgeException("cannot count the Lucene index " + where + ": " + e.getMessage(), e);
    }
  }

  /**
   * A searcher that sees every write that returned before this call: refreshes first when writes happened since the
   * last refresh, so a burst of writes without searches (an ingest) flushes segments only as its buffer fills.
   */
  private IndexSearcher current() throws IOException {
    long wanted = written.get();
    if (refreshed < wanted) {
      synchronized (refreshLock) {
        if (refreshed < wanted) {
          long upTo = written.get();
          searchers.maybeRefreshBlocking();
          refreshed = upTo;
        }
      }
    }
    return searchers.acquire();
  }

  private interface Write<T> {
    T run() throws IOException;
  }

  /** Runs one change under the write lock, makes it visible to searches, and schedules its commit. */
  private <T> T write(Write<T> change) {
    writes.lock();
    try {
      if (closed) {
        throw new KnowledgeException("the Lucene index " + where + " is closed");
      }
      T result = change.run();
      written.incrementAndGet();
      scheduleCommit();
      return result;
    } catch (IOException e) {
      throw new KnowledgeException("cannot write the Lucene index " + where + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new KnowledgeException("cannot write the Lucene index " + where + ": " + e.getMessage(), e);
    } finally {
      writes.unlock();
    }
  }

  private void scheduleCommit() {
    if (committer != null && (pendingCommit == null || pendingCommit.isDone())) {
      pendingCommit = committer.schedule(this::commit, COMMIT_DELAY_MS, TimeUnit.MILLISECONDS);
    }
  }

  private void commit() {
    try {
      if (writer.isOpen()) {
        writer.commit();
      }
    } catch (IOException | RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(LuceneIndex.class).warn("cannot commit the Lucene index {}: {}", where,
          e.toString());
    }
  }

  @Override
  public void close() {
    writes.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (committer != null) {
        if (pendingCommit != null) {
          pendingCommit.cancel(false);
        }
        committer.shutdown();
        try {
          committer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      closeQuietly(searchers);
      try {
        writer.close();
      } catch (IOException | RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(LuceneIndex.class).warn("cannot close the Lucene index {}: {}", where,
            e.toString());
      }
      closeQuietly(directory);
    } finally {
      writes.unlock();
    }
  }

  private static void closeQuietly(@Nullable AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // already failing or closing: the first error is the one reported
      }
    }
  }

  @Override
  public String toString() {
    return "LuceneIndex[" + where + ", dimensions=" + dimensions + "]";
  }

  private static java.util.logging.Logger quietVectorizationNotice() {
    java.util.logging.Logger logger =
        java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider");
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }
}
