package dev.agentry.engine.knowledge.internal.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.Document;
import dev.agentry.engine.model.KnowledgeDef.ChunkingDef;
import dev.agentry.engine.model.KnowledgeDef.ChunkingStrategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixedSizeChunkerTest {
  private static List<String> split(String text, int size, int overlap) {
    return new FixedSizeChunker(size, overlap).split(text);
  }

  // Expected chunks agree with Agno's FixedSizeChunking.chunk run in python3 on the same input.
  @Test
  void cutsAtTheLastSpaceBeforeTheSizeAndCollapsesWhitespace() {
    // "alpha beta gamma delta" cleaned; size 12: "alpha beta g" moves back to the space at 10
    assertThat(split("alpha  beta\n\ngamma delta", 12, 0))
        .containsExactly("alpha beta", " gamma delta");
  }

  @Test
  void aWordLongerThanTheSizeIsCutAtTheSize() {
    assertThat(split("abcdefghij", 4, 0)).containsExactly("abcd", "efgh", "ij");
  }

  @Test
  void overlapRepeatsTheEndOfThePreviousChunk() {
    List<String> chunks = split("aaaa bbbb cccc dddd", 10, 3);
    // end moves back to the space at 9, 3 back gives "bbb"; then the space at 14, "ccc" (python3 of Agno's loop agrees)
    assertThat(chunks).containsExactly("aaaa bbbb", "bbb cccc", "ccc dddd");
    for (String c : chunks) {
      assertThat(c.length()).isLessThanOrEqualTo(10);
    }
  }

  @Test
  void emptyTextHasNoChunks() {
    assertThat(split("", 10, 0)).isEmpty();
  }

  @Test
  void chunksCarryIdsPositionsAcrossDocumentsAndAgnosMetadata() {
    List<Document> docs = List.of(
        new Document("manual.pdf", "one two three four", Map.of("page", 1, "team", "docs")),
        new Document("manual.pdf", "five six", Map.of("page", 2, "team", "docs")));
    List<Chunk> chunks = Chunkers.chunk("cid", docs, new ChunkingDef(ChunkingStrategy.FIXED, 9, 0));
    assertThat(chunks).extracting(Chunk::id).containsExactly("cid_0", "cid_1", "cid_2", "cid_3");
    assertThat(chunks).extracting(Chunk::content).containsExactly("one two", " three", " four", "five six");
    assertThat(chunks).extracting(Chunk::position).containsExactly(0, 1, 2, 3);
    assertThat(chunks).allSatisfy(c -> {
      assertThat(c.contentId()).isEqualTo("cid");
      assertThat(c.name()).isEqualTo("manual.pdf");
      assertThat(c.embedding()).isNull();
      assertThat(c.metadata()).containsEntry("team", "docs").containsEntry("chunk_size", c.content().length());
    });
    assertThat(chunks.get(1).metadata()).containsEntry("chunk", 2).containsEntry("page", 1);
    assertThat(chunks.get(3).metadata()).containsEntry("chunk", 1).containsEntry("page", 2);
  }

  @Test
  void overlapMustBeBelowTheSize() {
    assertThatThrownBy(() -> Chunkers.chunk("c", List.of(), new ChunkingDef(ChunkingStrategy.FIXED, 100, 100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid parameters: overlap (100) must be at least 0 and less than chunk size (100).");
  }
}
