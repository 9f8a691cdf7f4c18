package dev.agentry.engine.knowledge.internal.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

// Expected chunks agree with Agno's RecursiveChunking.chunk run in python3 on the same input.
class RecursiveChunkerTest {
  private static final String TEXT = "First line here.\nSecond line is longer. It has two sentences.\nThird.";

  @Test
  void shortTextStaysWholeAndUncleaned() {
    assertThat(new RecursiveChunker(100, 0).split("a\n\nb")).containsExactly("a\n\nb");
  }

  @Test
  void cutsAfterTheLastNewlineElseTheLastPeriodOfEachWindow() {
    assertThat(new RecursiveChunker(30, 0).split(TEXT))
        .containsExactly("First line here. ", "Second line is longer.", " It has two sentences. Third.");
  }

  @Test
  void overlapStepsBackFromEachCutAsAgnoDoes() {
    assertThat(new RecursiveChunker(30, 5).split(TEXT)).containsExactly("First line here. ", "ere. ", ". ",
        "econd line is longer.", "nger. It has two sentences. ", "ces. Third.", "hird.", "d.");
  }

  @Test
  void aWindowWithoutSeparatorIsCutAtTheSize() {
    assertThat(new RecursiveChunker(4, 0).split("abcdefghij")).containsExactly("abcd", "efgh", "ij");
  }
}
