package dev.agentry.engine.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec set's version depends on what it means, never on how its files are named, ordered or formatted. */
class VersionHashTest {
  private static final String AGENT = """
      apiVersion: agentry.dev/v1
      kind: Agent
      metadata:
        name: helper
        labels: {team: support, tier: one}
      spec:
        model: openai:gpt-4o-mini
        instructions: [Be brief., Cite sources.]
        markdown: true
      """;
  private static final String MODEL = """
      apiVersion: agentry.dev/v1
      kind: Model
      metadata: {name: fast}
      spec: {provider: openai, id: gpt-4o-mini, temperature: 0.2}
      """;
  /** The same two resources: other file names, one file, reversed order, flow style, comments, anchors. */
  private static final String REWRITTEN = """
      # The model first this time.
      kind: Model
      apiVersion: agentry.dev/v1
      spec:
        temperature: 0.2
        id: gpt-4o-mini
        provider: openai
      metadata:
        name: fast
      ---
      kind: Agent   # same agent
      apiVersion: agentry.dev/v1
      metadata: {name: helper, labels: {tier: one, team: support}}
      spec:
        markdown: true
        instructions:
          - Be brief.
          - Cite sources.
        model: &m openai:gpt-4o-mini
      """;

  @Test
  void version_ignores_file_names_order_comments_and_formatting(@TempDir Path a, @TempDir Path b) {
    String first = SpecSets.compile(a, "agents/helper.yaml", AGENT, "models/fast.yaml", MODEL).orThrow().version();
    String second = SpecSets.compile(b, "all-in-one.yml", REWRITTEN).orThrow().version();
    assertThat(second).isEqualTo(first).hasSize(16);
  }

  @Test
  void version_changes_when_a_value_changes(@TempDir Path a, @TempDir Path b) {
    String first = SpecSets.compile(a, "a.yaml", AGENT).orThrow().version();
    String second = SpecSets.compile(b, "a.yaml", AGENT.replace("Be brief.", "Be very brief.")).orThrow().version();
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void version_is_stable_across_compilations(@TempDir Path a) {
    String first = SpecSets.compile(a, "a.yaml", AGENT, "b.yaml", MODEL).orThrow().version();
    for (int i = 0; i < 5; i++) {
      assertThat(SpecCompiler.create().compile(a).orThrow().version()).isEqualTo(first);
    }
  }
}
