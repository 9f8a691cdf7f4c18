package dev.agentry.engine.knowledge.internal.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

// Expected chunks agree with Agno's DocumentChunking.chunk run in python3 on the same input.
class DocumentChunkerTest {
  private static final String TEXT = "Para one is short.\n\nPara two is a bit longer.\n\nThree.";

  @Test
  void shortTextStaysWhole() {
    assertThat(new DocumentChunker(100, 0).split(TEXT)).containsExactly(TEXT);
  }

  @Test
  void packsParagraphsUpToTheSize() {
    assertThat(new DocumentChunker(30, 0).split(TEXT))
        .containsExactly("Para one is short.", "Para two is a bit longer.", "Three.");
    assertThat(new DocumentChunker(45, 0).split(TEXT))
        .containsExactly("Para one is short.\n\nPara two is a bit longer.", "Three.");
  }

  @Test
  void anOversizedParagraphIsPackedBySentences() {
    assertThat(new DocumentChunker(25, 0).split("Intro.\n\nA first sentence here. A second one! And a third? Yes."))
        .containsExactly("Intro.", "A first sentence here.", "A second one! And a third?", "Yes.");
  }

  @Test
  void overlapPrependsThePreviousChunksTail() {
    assertThat(new DocumentChunker(30, 4).split(TEXT))
        .containsExactly("Para one is short.", "ort.Para two is a bit longer.", "ger.Three.");
  }
}
