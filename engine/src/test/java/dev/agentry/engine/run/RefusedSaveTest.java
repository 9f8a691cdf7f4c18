package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.agentry.engine.Eventually;
import dev.agentry.engine.event.EventSink;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.model.Catalog;
import dev.agentry.engine.store.memory.MemorySessionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** No ending is lost silently: a save the store refuses (the run had already ended) is logged at WARN. */
class RefusedSaveTest {
  @TempDir Path dir;

  @Test
  void an_ending_the_store_refuses_is_logged_with_the_run_and_both_instances() throws Exception {
    Catalog catalog = Specs.compile(dir, Specs.HEADER + """
        kind: Model
        metadata: {name: slow-model}
        spec:
          provider: scripted
          script: {chunk_size: 1, chunk_delay_ms: 50, fallback: "%s"}
        ---
        """.formatted("x".repeat(400)) + Specs.HEADER + """
        kind: Agent
        metadata: {name: slow}
        spec: {model: slow-model}
        """);
    MemorySessionStore store = MemorySessionStore.create();
    Logger storage = (Logger) LoggerFactory.getLogger(RunStorage.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    storage.addAppender(log);
    try (Engine engine = Engine.create(catalog, c -> c.store(store).instanceId("here"))) {
      RunHandle run = engine.start("slow", RunRequest.of("go"), EventSink.NONE);
      assertThat(Eventually.until(Duration.ofSeconds(10), () -> store.findRun(run.runId())
          .map(r -> r.status() == RunStatus.RUNNING).orElse(false))).isTrue();
      RunOutput stored = store.findRun(run.runId()).orElseThrow();
      // another writer saved an ending (a plain save: not markInterruptedRuns, whose marking the owner's ending
      // would replace)
      store.saveRun(stored.withInstanceId("elsewhere").interrupted());
      RunOutput ended = store.findRun(run.runId()).orElseThrow();
      assertThat(ended.status()).isEqualTo(RunStatus.ERROR);

      engine.cancel(run.runId());
      assertThat(run.future().get(10, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(store.findRun(run.runId()).orElseThrow().instanceId()).as("left as it was").isEqualTo("elsewhere");
      assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(m -> assertThat(m).contains("refused", "CANCELLED", run.runId(), "instance here", "ERROR",
              "instance elsewhere"));
    } finally {
      storage.detachAppender(log);
    }
  }
}
