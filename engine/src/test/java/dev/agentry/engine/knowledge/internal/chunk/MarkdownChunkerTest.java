package dev.agentry.engine.knowledge.internal.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownChunkerTest {
  private static final String DOC = """
      # Install

      Run the installer.

      ## Configure

      Edit the file.

      ```yaml
      # not a heading
      key: value
      ```

      # Use

      Start it.
      """;

  @Test
  void shortTextStaysWhole() {
    assertThat(new MarkdownChunker(1000, 0).split(DOC)).containsExactly(DOC);
  }

  @Test
  void sectionsStartAtHeadingsOutsideCodeFences() {
    assertThat(MarkdownChunker.sections(DOC)).containsExactly(
        "# Install\n\nRun the installer.",
        "## Configure\n\nEdit the file.\n\n```yaml\n# not a heading\nkey: value\n```",
        "# Use\n\nStart it.");
  }

  @Test
  void sectionsArePackedUpToTheSizeAndNeverCutMidSection() {
    List<String> chunks = new MarkdownChunker(90, 0).split(DOC);
    assertThat(chunks).containsExactly(
        "# Install\n\nRun the installer.",
        "## Configure\n\nEdit the file.\n\n```yaml\n# not a heading\nkey: value\n```\n\n# Use\n\nStart it.");
    assertThat(chunks).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(90));
  }

  @Test
  void aLongSectionIsSplitByParagraphsThenWordsRepeatingItsHeading() {
    String text = "# Big\n\n" + "alpha beta gamma delta epsilon zeta eta theta\n\nshort para";
    List<String> chunks = new MarkdownChunker(30, 0).split(text);
    assertThat(chunks).allSatisfy(c -> {
      assertThat(c).startsWith("# Big\n\n");
      assertThat(c.length()).isLessThanOrEqualTo(30);
    });
    assertThat(String.join(" ", chunks).replace("# Big\n\n", "").split("\\s+"))
        .containsExactly("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "short", "para");
  }

  @Test
  void overlapPrependsThePreviousChunksTail() {
    List<String> chunks = new MarkdownChunker(40, 5).split("# A\n\n" + "x".repeat(30) + "\n\n# B\n\nbody of b");
    assertThat(chunks).containsExactly("# A\n\n" + "x".repeat(30), "xxxxx# B\n\nbody of b");
  }
}
