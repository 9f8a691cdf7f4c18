package dev.agentry.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Hostile input gets a diagnostic, never a hang or an out-of-memory: each case runs under a time bound and a bound
 * on the bytes its thread allocates.
 */
class HostileInputTest {
  private static final Duration TIME = Duration.ofSeconds(5);
  private static final long MAX_ALLOCATED = 256L << 20;

  private static YamlReader.Result bounded(Supplier<YamlReader.Result> read) {
    return assertTimeoutPreemptively(TIME, () -> {
      var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long before = threads.getCurrentThreadAllocatedBytes();
      YamlReader.Result result = read.get();
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      assertThat(allocated).as("bytes allocated").isLessThan(MAX_ALLOCATED);
      return result;
    });
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
