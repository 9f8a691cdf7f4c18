package dev.agentry.engine.knowledge.internal.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.Eventually;
import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.knowledge.KnowledgeIndex;
import dev.agentry.engine.knowledge.KnowledgeIndexConformance;
import dev.agentry.engine.knowledge.SearchQuery;
import dev.agentry.engine.knowledge.SearchType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene index on disk: the conformance suite plus what is Lucene's own (folders, stemming, commits). */
class LuceneIndexTest extends KnowledgeIndexConformance {
  @TempDir Path temp;
  private final Map<KnowledgeIndex, Path> folders = new HashMap<>();

  @Override
  protected KnowledgeIndex open(int dimensions) {
    Path folder = temp.resolve("index" + folders.size());
    LuceneIndex index = LuceneIndex.open(folder, dimensions);
    folders.put(index, folder);
    return index;
  }

  @Override
  protected @Nullable KnowledgeIndex reopen(KnowledgeIndex closed, int dimensions) {
    return LuceneIndex.open(folders.get(closed), dimensions);
  }

  private static Chunk chunk(String contentId, int position, String text, int dimensions) {
    return KnowledgeIndexConformance.chunk(contentId, position, text, Map.of(), dimensions);
  }

  @Test
  void keywordSearchMatchesEnglishWordForms() {
    try (LuceneIndex index = LuceneIndex.open(temp.resolve("stems"), 0)) {
      index.replace("a", List.of(chunk("a", 0, "The gardener was planting trees in the running stream", 0)));

      assertThat(index.search(new SearchQuery("plants tree runs", null, SearchType.KEYWORD, Map.of(), 3)))
          .hasSize(1);
      assertThat(index.search(new SearchQuery("the was in", null, SearchType.KEYWORD, Map.of(), 3))).isEmpty();
    }
  }

  @Test
  void aFolderBuiltWithOtherDimensionsIsRefusedWithAClearError() {
    Path folder = temp.resolve("dims");
    try (LuceneIndex index = LuceneIndex.open(folder, DIMS)) {
      index.replace("a", List.of(chunk("a", 0, "some text", DIMS)));
    }

    assertThatThrownBy(() -> LuceneIndex.open(folder, 8)).isInstanceOf(KnowledgeException.class)
        .hasMessageContaining(folder.toString()).hasMessageContaining(DIMS + " dimensions")
        .hasMessageContaining("makes 8");
    try (LuceneIndex keywordOnly = LuceneIndex.open(folder, 0)) {
      assertThat(keywordOnly.count()).isEqualTo(1);
    }
  }

  @Test
  void writesReachTheDiskWithoutClosing() throws IOException {
    Path folder = temp.resolve("commit");
    try (LuceneIndex index = LuceneIndex.open(folder, 0);
        FSDirectory directory = FSDirectory.open(folder)) {
      index.replace("a", List.of(chunk("a", 0, "durable words", 0), chunk("a", 1, "more durable words", 0)));

      assertThat(Eventually.until(Duration.ofSeconds(10), () -> committedDocs(directory) == 2)).isTrue();
    }
  }

  private static int committedDocs(FSDirectory directory) {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.numDocs();
    } catch (IOException e) {
      return -1;
    }
  }

  @Test
  void concurrentWritersAndSearchersKeepEveryContent() throws Exception {
    try (LuceneIndex index = LuceneIndex.open(temp.resolve("concurrent"), DIMS)) {
      List<CompletableFuture<Void>> writers = IntStream.range(0, 4).mapToObj(w -> CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 25; i++) {
          String id = "w" + w + "-" + i;
          index.replace(id, List.of(chunk(id, 0, "writer " + w + " text " + i, DIMS),
              chunk(id, 1, "second chunk of writer " + w, DIMS)));
          index.search(new SearchQuery("writer text", dev.agentry.engine.knowledge.StubVectors.embed("writer", DIMS),
              SearchType.HYBRID, Map.of(), 5));
        }
      })).toList();
      CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();

      assertThat(index.count()).isEqualTo(200);
    }
  }

  @Test
  void anEmbeddingThatIsNotANumberIsRefusedNamingTheChunk() {
    try (LuceneIndex index = LuceneIndex.open(null, 4)) {
      Chunk bad = new Chunk("a_1", "a", "a", "text", Map.of(), 0, new float[] {1, Float.NaN, 0, 0});

      assertThatThrownBy(() -> index.replace("a", List.of(bad))).isInstanceOf(KnowledgeException.class)
          .hasMessageContaining("a_1");
      assertThat(index.count()).isZero();
    }
  }

  @Test
  void aClosedIndexRefusesWritesAndClosesTwiceQuietly() {
    LuceneIndex index = LuceneIndex.open(temp.resolve("closed"), 0);
    index.close();
    index.close();
    assertThatThrownBy(() -> index.replace("a", List.of())).isInstanceOf(KnowledgeException.class)
        .hasMessageContaining("closed");
  }
}
