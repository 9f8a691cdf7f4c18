package dev.agentry.engine.knowledge.internal.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.knowledge.Chunk;
import dev.agentry.engine.knowledge.Document;
import dev.agentry.engine.knowledge.internal.chunk.Chunkers.ChunkerInfo;
import dev.agentry.engine.model.KnowledgeDef.ChunkingDef;
import dev.agentry.engine.model.KnowledgeDef.ChunkingStrategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkersTest {
  private static final String MARKDOWN = "# One\n\nfirst section body\n\n# Two\n\nsecond section body";

  private static List<String> texts(ChunkingStrategy strategy, int size) {
    return Chunkers.chunk("c", List.of(new Document("d.md", MARKDOWN, Map.of())), new ChunkingDef(strategy, size, 0))
        .stream().map(Chunk::content).toList();
  }

  // The fixed, document and recursive expectations agree with Agno's chunkers run in python3 on the same text.
  @Test
  void eachStrategyUsesItsChunker() {
    assertThat(texts(ChunkingStrategy.MARKDOWN, 30)).containsExactly("# One\n\nfirst section body",
        "# Two\n\nsecond section body");
    assertThat(texts(ChunkingStrategy.DOCUMENT, 30)).containsExactly("# One\n\nfirst section body\n\n# Two",
        "second section body");
    assertThat(texts(ChunkingStrategy.FIXED, 30)).containsExactly("# One first section body # Two",
        " second section body");
    assertThat(texts(ChunkingStrategy.RECURSIVE, 30)).containsExactly("# One first section body ",
        "# Two second section body");
  }

  @Test
  void aShortDocumentIsOneChunkWithChunkMetadata() {
    List<Chunk> chunks = Chunkers.chunk("c", List.of(new Document("d", "short", Map.of("a", 1))),
        new ChunkingDef(ChunkingStrategy.DOCUMENT, 100, 0));
    assertThat(chunks).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo("c_0");
      assertThat(c.metadata()).isEqualTo(Map.of("a", 1, "chunk", 1, "chunk_size", 5));
    });
  }

  @Test
  void configListsAgnosKeysInAgnosOrder() {
    assertThat(Chunkers.all()).extracting(ChunkerInfo::key)
        .containsExactly("DocumentChunker", "RecursiveChunker", "FixedSizeChunker", "MarkdownChunker");
    assertThat(Chunkers.all()).extracting(ChunkerInfo::strategy)
        .containsExactly("document", "recursive", "fixed", "markdown");
    assertThat(Chunkers.strategyOf("MarkdownChunker")).contains(ChunkingStrategy.MARKDOWN);
    assertThat(Chunkers.strategyOf("fixed")).contains(ChunkingStrategy.FIXED);
    assertThat(Chunkers.strategyOf("SemanticChunker")).isEmpty();
  }

  @Test
  void sizeMustBePositive() {
    assertThatThrownBy(() -> Chunkers.chunk("c", List.of(), new ChunkingDef(ChunkingStrategy.MARKDOWN, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("chunk_size (0) must be positive.");
  }
}
