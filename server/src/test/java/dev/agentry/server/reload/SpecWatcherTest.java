package dev.agentry.server.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher on its own: a reload that throws does not make it drop the edit. */
class SpecWatcherTest {
  private static final Duration SETTLE = Duration.ofMillis(50);

  @TempDir Path dir;

  @Test
  void a_reload_that_throws_is_tried_again_after_the_window_without_another_edit() throws IOException {
    Files.writeString(dir.resolve("agents.yaml"), "kind: Agent\n");
    AtomicInteger attempts = new AtomicInteger();
    AtomicInteger applied = new AtomicInteger();
    SpecWatcher.Reload reload = (changed, files, force) -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("the first look fails");
      }
      applied.incrementAndGet();
      return SpecWatcher.Verdict.APPLIED;
    };
    try (SpecWatcher watcher = SpecWatcher.start(dir, SETTLE, Duration.ofSeconds(5), reload)) {
      Files.writeString(dir.resolve("agents.yaml"), "kind: Agent\nmetadata: {name: echo}\n");

      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (applied.get() == 0) {
        assertThat(System.nanoTime()).as("waiting for the edit to be applied after the failed look").isLessThan(end);
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      }
      assertThat(attempts.get()).as("the failed look, then the one that applied the edit").isGreaterThanOrEqualTo(2);
    }
  }
}
