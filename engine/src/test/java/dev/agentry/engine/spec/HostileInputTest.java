package dev.agentry.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input gets a diagnostic, never a hang or an out-of-memory: each case runs under a time bound and a bound
 * on the bytes its thread allocates.
 */
class HostileInputTest {
  private static final Duration TIME = Duration.ofSeconds(5);
  private static final long MAX_ALLOCATED = 256L << 20;
  /** Well above what the bounded reader allocates for a bomb (about 1 MiB), far below what it composes to. */
  private static final long BOMB_ALLOCATED = 16L << 20;

  private static YamlReader.Result bounded(Supplier<YamlReader.Result> read) {
    return bounded(MAX_ALLOCATED, read);
  }

  private static YamlReader.Result bounded(long maxAllocated, Supplier<YamlReader.Result> read) {
    return assertTimeoutPreemptively(TIME, () -> {
      var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long before = threads.getCurrentThreadAllocatedBytes();
      YamlReader.Result result = read.get();
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertThat(allocated).as("bytes allocated").isLessThan(maxAllocated);
      return result;
    });
  }

  /** Level n merges level n-1 twice: {@code 2^n} values once composed, from a file of a few hundred bytes. */
  static String mergeKeyBomb(int levels) {
    StringBuilder yaml = new StringBuilder("m0: &m0 {a: 1, b: 2, c: 3, d: 4}\n");
    for (int i = 1; i <= levels; i++) {
      yaml.append("m%d: &m%d\n  <<: [*m%d, *m%d]\n  k%d: %d\n".formatted(i, i, i - 1, i - 1, i, i));
    }
    return yaml.toString();
  }

  private static YamlReader.Result read(String yaml) {
    return YamlReader.read("hostile.yaml", yaml.getBytes(StandardCharsets.UTF_8), YamlReader.Limits.DEFAULT);
  }

  @Test
  void billion_laughs_is_stopped_by_the_value_limit() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      yaml.append("]\n");
    }
    YamlReader.Result result = bounded(() -> read(yaml.toString()));
    assertThat(result.documents()).isEmpty();
    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("too-many-values");
  }

  @ParameterizedTest(name = "{0} levels")
  @ValueSource(ints = {16, 20, 24})
  void a_merge_key_bomb_is_stopped_by_the_value_limit_at_the_alias_that_overflows(int levels) {
    String yaml = mergeKeyBomb(levels);
    long start = System.nanoTime();
    YamlReader.Result result = bounded(BOMB_ALLOCATED, () -> read(yaml));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(result.documents()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("too-many-values");
      assertThat(d.pointer()).as("the second alias of the merge list at level 14").isEqualTo("/m14/<<0/1");
      assertThat(d.render(d.file())).isEqualTo("hostile.yaml:42:14: error: the file expands to more than 200000 "
          + "values once its aliases and merge keys are composed (repeat less through aliases and '<<' merge keys, "
          + "or split the file)");
    });
    assertThat(took).as("time to the diagnostic").isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void a_long_chain_of_merges_is_not_mistaken_for_a_bomb() {
    StringBuilder yaml = new StringBuilder("l0: &l0 {");
    for (int k = 0; k < 50; k++) {
      yaml.append(k == 0 ? "" : ", ").append("k").append(k).append(": ").append(k);
    }
    yaml.append("}\n");
    for (int i = 1; i <= 40; i++) {
      yaml.append("l%d: &l%d\n  <<: *l%d\n  own%d: %d\n".formatted(i, i, i - 1, i, i));
    }
    YamlReader.Result result = bounded(BOMB_ALLOCATED, () -> read(yaml.toString()));
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.documents().get(0).root().get("l40").size()).isEqualTo(90);
  }

  @Test
  void small_bombs_in_many_documents_share_one_budget() {
    String bomb = mergeKeyBomb(12) + "---\n";
    YamlReader.Result result = bounded(BOMB_ALLOCATED, () -> read(bomb.repeat(20)));
    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("too-many-values");
  }

  @Test
  void deep_nesting_is_reported_not_a_stack_overflow() {
    String yaml = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    YamlReader.Result result = bounded(() -> read(yaml));
    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("too-deep");
  }

  @Test
  void deep_block_nesting_is_reported() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      yaml.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    YamlReader.Result result = bounded(() -> read(yaml.toString()));
    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("too-deep");
  }

  @Test
  void oversized_files_are_refused_before_parsing() {
    byte[] big = ("a: " + "x".repeat(2 << 20) + "\n").getBytes(StandardCharsets.UTF_8);
    YamlReader.Result result = bounded(() -> YamlReader.read("big.yaml", big, YamlReader.Limits.DEFAULT));
    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("file-too-large");
  }

  @Test
  void many_aliases_are_limited() {
    StringBuilder yaml = new StringBuilder("a: &a x\nlist:\n");
    yaml.append("  - *a\n".repeat(5_000));
    YamlReader.Result result = bounded(() -> read(yaml.toString()));
    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("too-many-aliases");
  }

  @Test
  void recursive_alias_is_an_unknown_anchor_not_a_loop() {
    YamlReader.Result result = bounded(() -> read("a: &a\n  b: *a\n"));
    assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("unknown-anchor");
  }

  @Test
  void binary_garbage_gets_a_diagnostic() {
    byte[] garbage = new byte[4096];
    new java.util.Random(7).nextBytes(garbage);
    YamlReader.Result result = bounded(() -> YamlReader.read("garbage.yaml", garbage, YamlReader.Limits.DEFAULT));
    assertThat(result.diagnostics()).isNotEmpty();
  }
}
