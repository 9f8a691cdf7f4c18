package dev.agentry.server;

import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.ContentUpload;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.knowledge.SearchHit;
import dev.agentry.engine.knowledge.SearchType;
import dev.agentry.engine.model.KnowledgeDef;
import dev.agentry.engine.store.KnowledgeContent;
import dev.agentry.engine.store.KnowledgeContent.ContentStatus;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.PageRequest;
import dev.agentry.engine.store.SortOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A {@link KnowledgeBase} for the route tests: contents kept in memory, "indexed" (COMPLETED) by a background task
 * once {@link #release()} opens the gate (at once unless {@link #hold()} closed it), a content whose text contains
 * {@code FAIL} FAILED; keyword search counts query words in each completed text, one chunk per content. It records
 * the last search's arguments so a test can check what the route passed.
 */
final class FakeKnowledge implements KnowledgeBase {
  /** The reader and chunker ids the fake refuses, as the real one refuses unknown ones. */
  static final String UNKNOWN = "nope";

  private final KnowledgeDef def;
  private final Map<String, KnowledgeContent> contents = new LinkedHashMap<>();
  private final Map<String, String> texts = new LinkedHashMap<>();
  private final AtomicLong clock = new AtomicLong(1_800_000_000L);
  private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
  final AtomicReference<List<Object>> lastSearch = new AtomicReference<>();
  final AtomicReference<ContentUpload> lastUpload = new AtomicReference<>();

  FakeKnowledge(KnowledgeDef def) {
    this.def = def;
  }

  /** Keeps contents added from now on PROCESSING until {@link #release()}. */
  void hold() {
    gate = new CompletableFuture<>();
  }

  void release() {
    gate.complete(null);
  }

  @Override
  public KnowledgeDef def() {
    return def;
  }

  @Override
  public Set<SearchType> searchTypes() {
    return Set.of(SearchType.KEYWORD);
  }

  @Override
  public synchronized KnowledgeContent add(ContentUpload upload) {
    lastUpload.set(upload);
    if (UNKNOWN.equals(upload.readerId()) || UNKNOWN.equals(upload.chunker())) {
      throw new IllegalArgumentException("unknown reader or chunker '" + UNKNOWN + "'");
    }
    byte[] bytes = upload.text() != null ? upload.text().getBytes(StandardCharsets.UTF_8)
        : upload.file() != null ? upload.file()
        : upload.url() != null ? upload.url().getBytes(StandardCharsets.UTF_8) : null;
    if (bytes == null) {
      throw new IllegalArgumentException("the upload has no content");
    }
    String id = UUID.nameUUIDFromBytes(bytes).toString();
    KnowledgeContent existing = contents.get(id);
    if (existing != null) {
      return existing;
    }
    String type = upload.text() != null ? "text" : upload.url() != null ? "url"
        : upload.fileName().substring(upload.fileName().lastIndexOf('.') + 1);
    String name = upload.name() != null ? upload.name() : upload.fileName() != null ? upload.fileName()
        : upload.url() != null ? upload.url() : "text";
    long now = clock.incrementAndGet();
    KnowledgeContent content = new KnowledgeContent(id, def.id(), name,
        upload.description() == null ? "" : upload.description(), upload.metadata(), type, bytes.length,
        ContentStatus.PROCESSING, "", 0, null, now, now);
    contents.put(id, content);
    String text = new String(bytes, StandardCharsets.UTF_8);
    texts.put(id, text);
    gate.thenRunAsync(() -> finish(id, text));
    return content;
  }

  private synchronized void finish(String id, String text) {
    KnowledgeContent content = contents.get(id);
    if (content != null) {
      contents.put(id, text.contains("FAIL")
          ? content.withStatus(ContentStatus.FAILED, "could not read " + content.name(), clock.incrementAndGet())
          : content.withStatus(ContentStatus.COMPLETED, "", clock.incrementAndGet()));
    }
  }

  @Override
  public synchronized Optional<KnowledgeContent> content(String contentId) {
    return Optional.ofNullable(contents.get(contentId));
  }

  @Override
  public synchronized Page<KnowledgeContent> contents(PageRequest page) {
    Comparator<KnowledgeContent> order = switch (page.sortBy()) {
      case "name" -> Comparator.comparing(KnowledgeContent::name);
      default -> Comparator.comparingLong(KnowledgeContent::createdAt);
    };
    if (page.sortOrder() == SortOrder.DESC) {
      order = order.reversed();
    }
    List<KnowledgeContent> all = contents.values().stream().sorted(order).toList();
    List<KnowledgeContent> shown = all.stream().skip(page.offset()).limit(page.limit()).toList();
    return new Page<>(shown, page.page(), page.limit(), all.size());
  }

  @Override
  public synchronized Optional<KnowledgeContent> update(String contentId, @Nullable String name,
      @Nullable String description, @Nullable Map<String, Object> metadata) {
    KnowledgeContent c = contents.get(contentId);
    if (c == null) {
      return Optional.empty();
    }
    KnowledgeContent updated = new KnowledgeContent(c.id(), c.linkedTo(), name == null ? c.name() : name,
        description == null ? c.description() : description, metadata == null ? c.metadata() : metadata, c.type(),
        c.size(), c.status(), c.statusMessage(), c.accessCount(), c.externalId(), c.createdAt(),
        clock.incrementAndGet());
    contents.put(contentId, updated);
    return Optional.of(updated);
  }

  @Override
  public synchronized Optional<KnowledgeContent> delete(String contentId) {
    texts.remove(contentId);
    return Optional.ofNullable(contents.remove(contentId));
  }

  @Override
  public synchronized void deleteAll() {
    contents.clear();
    texts.clear();
  }

  @Override
  public synchronized List<SearchHit> search(String query, @Nullable SearchType type, Map<String, Object> filters,
      @Nullable Integer limit) {
    lastSearch.set(java.util.Arrays.asList(query, type, filters, limit));
    if (type != null && type != SearchType.KEYWORD) {
      throw new IllegalArgumentException(type.key() + " search needs an embedder; this knowledge has none");
    }
    List<SearchHit> hits = new ArrayList<>();
    for (Map.Entry<String, String> entry : texts.entrySet()) {
      KnowledgeContent content = contents.get(entry.getKey());
      if (content.status() != ContentStatus.COMPLETED || !matches(content.metadata(), filters)) {
        continue;
      }
      String text = entry.getValue().toLowerCase(Locale.ROOT);
      long score = java.util.Arrays.stream(query.toLowerCase(Locale.ROOT).split("\\s+")).filter(text::contains)
          .count();
      if (score > 0) {
        hits.add(new SearchHit(new Chunk(content.id() + "_1", content.id(), content.name(), entry.getValue(),
            content.metadata(), 0, null), score));
      }
    }
    hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
    return hits.stream().limit(limit == null ? def.maxResults() : limit).toList();
  }

  private static boolean matches(Map<String, Object> metadata, Map<String, Object> filters) {
    return filters.entrySet().stream().allMatch(f -> f.getValue().equals(metadata.get(f.getKey())));
  }

  @Override
  public synchronized Set<String> filterKeys() {
    Set<String> keys = new TreeSet<>();
    contents.values().forEach(c -> keys.addAll(c.metadata().keySet()));
    return keys;
  }

  @Override
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      synchronized (this) {
        if (contents.values().stream().noneMatch(c -> c.status() == ContentStatus.PROCESSING)) {
          return true;
        }
      }
      java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
    }
    return false;
  }
}
