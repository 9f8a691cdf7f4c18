package dev.agentry.engine.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KnowledgeIndex} owes its callers: the embedded Lucene index and pgvector extend this
 * class and answer {@link #open(int)} (and {@link #reopen} when they persist). Embeddings come from
 * {@link StubVectors}, so texts sharing words are close.
 */
public abstract class KnowledgeIndexConformance {
  /** The embeddings' size the suite uses. */
  protected static final int DIMS = 256;

  private final List<KnowledgeIndex> opened = new ArrayList<>();

  /** A new, empty index for embeddings of {@code dimensions} floats (0: keyword search only). */
  protected abstract KnowledgeIndex open(int dimensions);

  /**
   * The same index as {@code closed} (already closed) opened again, as after a restart; null when the index does
   * not persist, which skips the restart test.
   */
  protected @Nullable KnowledgeIndex reopen(KnowledgeIndex closed, int dimensions) {
    return null;
  }

  @AfterEach
  void closeIndexes() {
    opened.forEach(KnowledgeIndex::close);
  }

  private KnowledgeIndex index(int dimensions) {
    KnowledgeIndex index = open(dimensions);
    opened.add(index);
    return index;
  }

  /** A chunk of {@code contentId} with an embedding of its text when {@code dimensions} > 0. */
  protected static Chunk chunk(String contentId, int position, String text, Map<String, Object> metadata,
      int dimensions) {
    return new Chunk(contentId + "_" + position, contentId, "name of " + contentId, text, metadata, position,
        dimensions > 0 ? StubVectors.embed(text, dimensions) : null);
  }

  private static Chunk chunk(String contentId, String text) {
    return chunk(contentId, 0, text, Map.of(), DIMS);
  }

  private static SearchQuery query(SearchType type, String text, int limit) {
    return query(type, text, Map.of(), limit);
  }

  private static SearchQuery query(SearchType type, String text, Map<String, Object> filters, int limit) {
    return new SearchQuery(text, type == SearchType.KEYWORD ? null : StubVectors.embed(text, DIMS), type, filters,
        limit);
  }

  private static List<String> texts(List<SearchHit> hits) {
    return hits.stream().map(h -> h.chunk().content()).toList();
  }

  private static void assertBestFirst(List<SearchHit> hits) {
    for (int i = 1; i < hits.size(); i++) {
      assertThat(hits.get(i).score()).as("score of hit %d", i).isLessThanOrEqualTo(hits.get(i - 1).score());
    }
  }

  private static final String CATS = "the cat sat on the mat and purred";
  private static final String PLANTS = "photosynthesis lets green plants turn sunlight into sugar";
  private static final String MARKETS = "stock markets fell sharply after the announcement";

  private void threeTopics(KnowledgeIndex index) {
    index.replace("cats", List.of(chunk("cats", CATS)));
    index.replace("plants", List.of(chunk("plants", PLANTS)));
    index.replace("markets", List.of(chunk("markets", MARKETS)));
  }

  @Test
  void keywordSearchRanksTheChunkWithTheQueryWordsFirstAndRebuildsIt() {
    KnowledgeIndex index = index(DIMS);
    Chunk plants = chunk("plants", 3, PLANTS, Map.of("topic", "biology", "year", 2024, "tags", List.of("a", "b")),
        DIMS);
    index.replace("cats", List.of(chunk("cats", CATS)));
    index.replace("plants", List.of(plants));
    index.replace("markets", List.of(chunk("markets", MARKETS)));

    List<SearchHit> hits = index.search(query(SearchType.KEYWORD, "how do plants use sunlight", 10));

    assertThat(texts(hits)).containsExactly(PLANTS);
    Chunk found = hits.getFirst().chunk();
    assertThat(found.id()).isEqualTo(plants.id());
    assertThat(found.contentId()).isEqualTo("plants");
    assertThat(found.name()).isEqualTo(plants.name());
    assertThat(found.position()).isEqualTo(3);
    assertThat(found.metadata()).isEqualTo(plants.metadata());
    assertThat(hits.getFirst().score()).isPositive();
  }

  @Test
  void keywordSearchPrefersTheChunkWithMoreOfTheQueryWords() {
    KnowledgeIndex index = index(0);
    index.replace("one", List.of(chunk("one", 0, "rivers carry water to the sea", Map.of(), 0)));
    index.replace("two", List.of(chunk("two", 0, "rivers carry sediment and water into deltas near the sea", Map.of(),
        0)));
    index.replace("three", List.of(chunk("three", 0, "mountains are tall", Map.of(), 0)));

    List<SearchHit> hits = index.search(query(SearchType.KEYWORD, "sediment deltas", 10));

    assertThat(texts(hits)).first().asString().contains("sediment");
    assertThat(texts(hits)).doesNotContain("mountains are tall", "rivers carry water to the sea");
  }

  @Test
  void keywordSearchTakesAnyTextAsTyped() {
    KnowledgeIndex index = index(0);
    index.replace("cpp", List.of(chunk("cpp", 0, "templates in C++ are resolved at compile time", Map.of(), 0)));

    for (String text : List.of("what are C++ templates? (AND/OR) \"quoted", "*", "the", "", "a:b [c TO d] ~2 ^3 !")) {
      assertThat(index.search(query(SearchType.KEYWORD, text, 5))).as(text).isNotNull();
    }
    assertThat(texts(index.search(query(SearchType.KEYWORD, "templates?", 5)))).hasSize(1);
  }

  @Test
  void vectorSearchRanksTheNearestChunkFirstWithCosineScores() {
    KnowledgeIndex index = index(DIMS);
    threeTopics(index);
    float[] vector = StubVectors.embed("green plants and sunlight", DIMS);

    List<SearchHit> hits = index.search(new SearchQuery("green plants and sunlight", vector, SearchType.VECTOR,
        Map.of(), 3));

    assertThat(texts(hits).getFirst()).isEqualTo(PLANTS);
    assertThat(hits.getFirst().score())
        .isCloseTo(StubVectors.cosine(vector, StubVectors.embed(PLANTS, DIMS)), org.assertj.core.data.Offset.offset(
            1e-3));
    assertBestFirst(hits);
  }

  @Test
  void hybridSearchFusesRanksSoAChunkGoodInBothWins() {
    KnowledgeIndex index = index(DIMS);
    String both = "alpha gamma delta";
    String keywordOnly = "alpha alpha alpha";
    String vectorOnly = "gamma delta gamma delta";
    float[] vector = StubVectors.embed("gamma delta", DIMS);
    index.replace("both", List.of(chunk("both", both)));
    index.replace("keyword", List.of(chunk("keyword", keywordOnly)));
    index.replace("vector", List.of(chunk("vector", vectorOnly)));
    List<String> noise = IntStream.range(0, 10).mapToObj(i -> "gamma word" + i).toList();
    for (int i = 0; i < noise.size(); i++) {
      index.replace("noise" + i, List.of(chunk("noise" + i, noise.get(i))));
    }
    // the premises: keyword search ranks keywordOnly first, vector search ranks vectorOnly first, both second in each
    assertThat(texts(index.search(new SearchQuery("alpha", null, SearchType.KEYWORD, Map.of(), 10))))
        .startsWith(keywordOnly, both);
    assertThat(texts(index.search(new SearchQuery("alpha", vector, SearchType.VECTOR, Map.of(), 3))))
        .startsWith(vectorOnly, both);

    List<SearchHit> hits = index.search(new SearchQuery("alpha", vector, SearchType.HYBRID, Map.of(), 3));

    assertThat(texts(hits)).hasSize(3);
    assertThat(texts(hits).getFirst()).isEqualTo(both);
    assertThat(texts(hits).subList(1, 3)).containsExactlyInAnyOrder(keywordOnly, vectorOnly);
    assertBestFirst(hits);
  }

  @Test
  void filtersMatchMetadataByEqualityAndAListMeansAnyOf() {
    KnowledgeIndex index = index(DIMS);
    String[] topics = {"red", "green", "blue"};
    for (int i = 0; i < 6; i++) {
      index.replace("c" + i, List.of(chunk("c" + i, 0, "shared words about colour number " + i,
          Map.of("topic", topics[i % 3], "year", 2020 + i % 2), DIMS)));
    }

    for (SearchType type : SearchType.values()) {
      List<SearchHit> red = index.search(query(type, "shared colour", Map.of("topic", "red"), 10));
      assertThat(red).as(type.key()).extracting(h -> h.chunk().contentId()).containsExactlyInAnyOrder("c0", "c3");

      List<SearchHit> redOrBlue = index.search(query(type, "shared colour", Map.of("topic", List.of("red", "blue")),
          10));
      assertThat(redOrBlue).as(type.key()).extracting(h -> h.chunk().contentId())
          .containsExactlyInAnyOrder("c0", "c2", "c3", "c5");

      List<SearchHit> redIn2021 = index.search(query(type, "shared colour", Map.of("topic", "red", "year", 2021), 10));
      assertThat(redIn2021).as(type.key()).extracting(h -> h.chunk().contentId()).containsExactly("c3");

      assertThat(index.search(query(type, "shared colour", Map.of("missing_key", "red"), 10))).as(type.key())
          .isEmpty();
    }
  }

  @Test
  void replaceSwapsEveryChunkOfAContentAndLeavesTheOthers() {
    KnowledgeIndex index = index(DIMS);
    index.replace("doc", List.of(chunk("doc", 0, "old first part", Map.of(), DIMS),
        chunk("doc", 1, "old second part", Map.of(), DIMS), chunk("doc", 2, "old third part", Map.of(), DIMS)));
    index.replace("other", List.of(chunk("other", "another old text")));

    index.replace("doc", List.of(chunk("doc", 0, "new only part", Map.of(), DIMS)));

    assertThat(index.count()).isEqualTo(2);
    assertThat(texts(index.search(query(SearchType.KEYWORD, "old", 10)))).containsExactly("another old text");
    assertThat(texts(index.search(query(SearchType.KEYWORD, "new", 10)))).containsExactly("new only part");

    index.replace("doc", List.of());
    assertThat(index.count()).isEqualTo(1);
  }

  @Test
  void replaceIsAtomicForConcurrentSearches() throws Exception {
    KnowledgeIndex index = index(0);
    index.replace("doc", version("one"));
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<List<String>> reader = CompletableFuture.supplyAsync(() -> {
      List<String> torn = new ArrayList<>();
      while (writing.get()) {
        List<String> seen = texts(index.search(query(SearchType.KEYWORD, "version", 10)));
        long ones = seen.stream().filter(t -> t.endsWith("one")).count();
        if (seen.size() != 3 || (ones != 0 && ones != 3)) {
          torn.add(seen.toString());
        }
      }
      return torn;
    });
    try {
      for (int i = 0; i < 60; i++) {
        index.replace("doc", version(i % 2 == 0 ? "two" : "one"));
      }
    } finally {
      writing.set(false);
    }
    assertThat(reader.get()).as("searches that saw a half-replaced content").isEmpty();
    assertThat(index.count()).isEqualTo(3);
  }

  private static List<Chunk> version(String word) {
    return IntStream.range(0, 3).mapToObj(i -> chunk("doc", i, "version part " + i + " " + word, Map.of(), 0))
        .toList();
  }

  @Test
  void deleteRemovesOneContentAndSaysWhetherItHadChunks() {
    KnowledgeIndex index = index(DIMS);
    threeTopics(index);
    index.replace("plants", List.of(chunk("plants", 0, PLANTS, Map.of(), DIMS),
        chunk("plants", 1, "more about plants", Map.of(), DIMS)));
    assertThat(index.count()).isEqualTo(4);

    assertThat(index.holds("plants")).isTrue();
    assertThat(index.delete("plants")).isTrue();
    assertThat(index.holds("plants")).as("holds no chunk once deleted").isFalse();
    assertThat(index.delete("plants")).isFalse();
    assertThat(index.delete("never-added")).isFalse();

    assertThat(index.count()).isEqualTo(2);
    assertThat(index.search(query(SearchType.KEYWORD, "plants", 10))).isEmpty();
    assertThat(texts(index.search(query(SearchType.VECTOR, "plants", 10)))).containsExactlyInAnyOrder(CATS, MARKETS);
  }

  @Test
  void deleteAllEmptiesTheIndexWhichStaysUsable() {
    KnowledgeIndex index = index(DIMS);
    threeTopics(index);

    index.deleteAll();

    assertThat(index.count()).isZero();
    for (SearchType type : SearchType.values()) {
      assertThat(index.search(query(type, "plants cat markets", 10))).as(type.key()).isEmpty();
    }
    index.replace("cats", List.of(chunk("cats", CATS)));
    assertThat(index.count()).isEqualTo(1);
  }

  @Test
  void countCountsChunksOfEveryContent() {
    KnowledgeIndex index = index(0);
    assertThat(index.count()).isZero();
    index.replace("a", List.of(chunk("a", 0, "x one", Map.of(), 0), chunk("a", 1, "x two", Map.of(), 0)));
    index.replace("b", List.of(chunk("b", 0, "x three", Map.of(), 0)));
    assertThat(index.count()).isEqualTo(3);
  }

  @Test
  void everySearchTypeReturnsAtMostLimitHitsBestFirst() {
    KnowledgeIndex index = index(DIMS);
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      chunks.add(chunk("many", i, "common words " + "extra ".repeat(i) + "item" + i, Map.of(), DIMS));
    }
    index.replace("many", chunks);

    for (SearchType type : SearchType.values()) {
      List<SearchHit> hits = index.search(query(type, "common words", 5));
      assertThat(hits).as(type.key()).hasSize(5);
      assertBestFirst(hits);
      assertThat(hits).extracting(h -> h.chunk().id()).doesNotHaveDuplicates();
    }
  }

  @Test
  void keywordOnlyIndexAnswersKeywordSearchAndRefusesVectors() {
    KnowledgeIndex index = index(0);
    assertThat(index.searchTypes()).isEqualTo(Set.of(SearchType.KEYWORD));
    index.replace("cats", List.of(chunk("cats", 0, CATS, Map.of(), 0)));

    assertThat(texts(index.search(query(SearchType.KEYWORD, "cat", 3)))).containsExactly(CATS);
    assertThatThrownBy(() -> index.search(query(SearchType.VECTOR, "cat", 3))).isInstanceOf(KnowledgeException.class);
  }

  @Test
  void indexWithDimensionsAnswersEverySearchType() {
    assertThat(index(DIMS).searchTypes()).isEqualTo(Set.of(SearchType.values()));
  }

  @Test
  void aChunkWithoutEmbeddingOrOfTheWrongSizeIsRefusedAndTheContentKept() {
    KnowledgeIndex index = index(DIMS);
    index.replace("cats", List.of(chunk("cats", CATS)));

    Chunk wrongSize = chunk("cats", 0, "dogs", Map.of(), DIMS / 2);
    assertThatThrownBy(() -> index.replace("cats", List.of(wrongSize))).isInstanceOf(KnowledgeException.class)
        .hasMessageContaining(String.valueOf(DIMS));
    Chunk none = chunk("cats", 0, "dogs", Map.of(), 0);
    assertThatThrownBy(() -> index.replace("cats", List.of(none))).isInstanceOf(KnowledgeException.class);

    assertThat(texts(index.search(query(SearchType.KEYWORD, "cat", 3)))).containsExactly(CATS);
  }

  @Test
  void chunksSurviveARestart() {
    KnowledgeIndex index = open(DIMS);
    threeTopics(index);
    Map<String, Object> metadata = new HashMap<>(Map.of("topic", "biology"));
    index.replace("plants", List.of(chunk("plants", 0, PLANTS, metadata, DIMS)));
    index.close();

    KnowledgeIndex again = reopen(index, DIMS);
    assumeTrue(again != null, "this index does not persist");
    opened.add(again);

    assertThat(again.count()).isEqualTo(3);
    assertThat(texts(again.search(query(SearchType.KEYWORD, "plants", 3)))).containsExactly(PLANTS);
    assertThat(texts(again.search(query(SearchType.VECTOR, "sunlight plants", 1)))).containsExactly(PLANTS);
    assertThat(again.search(query(SearchType.HYBRID, "plants", Map.of("topic", "biology"), 3)))
        .extracting(h -> h.chunk().metadata()).containsExactly(Map.of("topic", "biology"));
    again.replace("cats", List.of());
    assertThat(again.count()).isEqualTo(2);
  }
}
