package dev.agentry.engine.run;

import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.ContentUpload;
import dev.agentry.engine.knowledge.KnowledgeBase;
import dev.agentry.engine.knowledge.SearchHit;
import dev.agentry.engine.knowledge.SearchType;
import dev.agentry.engine.model.KnowledgeDef;
import dev.agentry.engine.store.KnowledgeContent;
import dev.agentry.engine.store.Page;
import dev.agentry.engine.store.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory Knowledge for run tests: one chunk per content (added at once, COMPLETED), keyword search that scores
 * a chunk by how many of the query's words it contains, metadata filters that must all equal. Records every search's
 * filters, so tests see what reached the Knowledge.
 */
final class FakeKnowledge implements KnowledgeBase {
  private final KnowledgeDef def;
  private final List<KnowledgeContent> contents = new CopyOnWriteArrayList<>();
  private final List<Chunk> chunks = new CopyOnWriteArrayList<>();
  /** The filters of each search, in order. */
  final List<Map<String, Object>> searchedFilters = new CopyOnWriteArrayList<>();
  /** When set, every search fails with it. */
  volatile @Nullable RuntimeException failure;

  FakeKnowledge(KnowledgeDef def) {
    this.def = def;
  }

  /** Adds a text content with its metadata, indexed at once. */
  FakeKnowledge with(String name, String text, Map<String, Object> metadata) {
    add(new ContentUpload(name, null, metadata, null, null, null, null, text, null, null, null, null));
    return this;
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
  public KnowledgeContent add(ContentUpload upload) {
    if (upload.text() == null) {
      throw new IllegalArgumentException("the fake takes text only");
    }
    String id = "c" + (contents.size() + 1);
    KnowledgeContent content = new KnowledgeContent(id, def.id(), upload.name() == null ? id : upload.name(), "",
        upload.metadata(), "text", upload.text().length(), KnowledgeContent.ContentStatus.COMPLETED, "", 0, null, 0,
        0);
    contents.add(content);
    Map<String, Object> meta = new HashMap<>(upload.metadata());
    meta.put("chunk", 1);
    meta.put("chunk_size", upload.text().length());
    chunks.add(new Chunk(id + "-0", id, content.name(), upload.text(), meta, 0, null));
    return content;
  }

  @Override
  public Optional<KnowledgeContent> content(String contentId) {
    return contents.stream().filter(c -> c.id().equals(contentId)).findFirst();
  }

  @Override
  public Page<KnowledgeContent> contents(PageRequest page) {
    return new Page<>(List.copyOf(contents), 1, contents.size(), contents.size());
  }

  @Override
  public Optional<KnowledgeContent> update(String contentId, @Nullable String name, @Nullable String description,
      @Nullable Map<String, Object> metadata) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Optional<KnowledgeContent> delete(String contentId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void deleteAll() {
    contents.clear();
    chunks.clear();
  }

  @Override
  public List<SearchHit> search(String query, @Nullable SearchType type, Map<String, Object> filters,
      @Nullable Integer limit) {
    searchedFilters.add(Map.copyOf(filters));
    RuntimeException fail = failure;
    if (fail != null) {
      throw fail;
    }
    Set<String> words = words(query);
    List<SearchHit> hits = new ArrayList<>();
    for (Chunk chunk : chunks) {
      boolean matches = filters.entrySet().stream()
          .allMatch(f -> String.valueOf(f.getValue()).equals(String.valueOf(chunk.metadata().get(f.getKey()))));
      long score = words(chunk.content()).stream().filter(words::contains).count();
      if (matches && score > 0) {
        hits.add(new SearchHit(chunk, score));
      }
    }
    hits.sort((a, b) -> Double.compare(b.score(), a.score()));
    return hits.subList(0, Math.min(hits.size(), limit == null ? def.maxResults() : limit));
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>(Arrays.asList(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    words.removeIf(w -> w.length() < 3);
    return words;
  }

  @Override
  public Set<String> filterKeys() {
    Set<String> keys = new HashSet<>();
    contents.forEach(c -> keys.addAll(c.metadata().keySet()));
    return keys;
  }

  @Override
  public boolean awaitIdle(Duration timeout) {
    return true;
  }

  /** The contents added so far. */
  List<KnowledgeContent> contents() {
    return List.copyOf(contents);
  }
}
