package dev.agentry.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.Eventually;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.store.Session;
import dev.agentry.engine.store.SessionStore;
import dev.agentry.engine.store.SessionType;
import dev.agentry.engine.store.StoreException;
import dev.agentry.engine.store.memory.MemorySessionStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How runs reach the store: the session, its state and metrics, and what a store failure does to a run. */
class SessionStorageTest {
  @TempDir Path dir;

  private Engine engine(SessionStore store, String agentSpec) {
    return Engine.create(Specs.compile(dir, Specs.agent(agentSpec, "fallback: ok")), c -> c.store(store));
  }

  @Test
  void the_first_run_creates_the_session_and_each_run_adds_its_metrics() {
    SessionStore store = MemorySessionStore.create();
    Engine engine = engine(store, "session_state: {customer: Ada}");

    RunOutput first = engine.run("agent", RunRequest.create(r -> r.input("hi").sessionId("s").userId("u-1")
        .sessionState(Map.of("plan", "pro"))));
    RunOutput second = engine.run("agent", RunRequest.create(r -> r.input("again").sessionId("s")));

    Session session = store.findSession("s").orElseThrow();
    assertThat(session.sessionType()).isEqualTo(SessionType.AGENT);
    assertThat(session.componentId()).isEqualTo("agent");
    assertThat(session.userId()).isEqualTo("u-1");
    assertThat(session.specVersion()).isEqualTo(engine.catalog().version());
    assertThat(session.sessionState()).as("spec defaults and the request's state are kept")
        .containsEntry("customer", "Ada").containsEntry("plan", "pro");
    assertThat(second.sessionState()).containsEntry("plan", "pro");
    assertThat(session.metrics().totalTokens())
        .isEqualTo(first.metrics().totalTokens() + second.metrics().totalTokens()).isPositive();
  }

  @Test
  void concurrent_runs_on_one_session_keep_every_state_update() throws Exception {
    SessionStore store = MemorySessionStore.create();
    Engine engine = engine(store, "");
    engine.run("agent", RunRequest.create(r -> r.input("start").sessionId("s")));

    List<RunHandle> handles = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String key = "k" + i;
      handles.add(engine.start("agent", RunRequest.create(r -> r.input("hi").sessionId("s")
          .sessionState(Map.of(key, true))), e -> {}));
    }
    for (RunHandle handle : handles) {
      assertThat(handle.await().status()).isEqualTo(RunStatus.COMPLETED);
    }

    assertThat(store.findSession("s").orElseThrow().sessionState()).hasSize(16);
    assertThat(store.listRuns("s")).hasSize(17);
  }

  @Test
  void an_ending_the_database_cannot_take_is_sent_and_stored_once_the_database_is_back() {
    AtomicBoolean down = new AtomicBoolean(true);
    SessionStore backend = MemorySessionStore.create();
    SessionStore store = failing(backend, (method, args) -> down.get() && method.equals("saveRun")
        && ((RunOutput) args[0]).status().isFinal());
    Engine engine = engine(store, "");
    EventLog events = new EventLog();

    RunOutput out = engine.run("agent", RunRequest.create(r -> r.input("hi").sessionId("s")), events);

    assertThat(out.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(events.events.getLast()).isInstanceOf(RunEvent.RunCompleted.class);
    assertThat(backend.findRun(out.runId())).get().extracting(RunOutput::status).isEqualTo(RunStatus.RUNNING);
    assertThat(engine.pendingSaves()).isEqualTo(1);

    down.set(false);
    assertThat(Eventually.until(Duration.ofSeconds(10), () -> engine.pendingSaves() == 0)).isTrue();
    RunOutput stored = backend.findRun(out.runId()).orElseThrow();
    assertThat(stored.status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(stored.content()).isEqualTo(out.content());
    assertThat(backend.findSession("s").orElseThrow().metrics().totalTokens()).as("the session update came with it")
        .isEqualTo(out.metrics().totalTokens());
  }

  @Test
  void waiting_endings_are_stored_in_the_order_their_runs_ended_before_a_later_one() {
    AtomicBoolean down = new AtomicBoolean(true);
    List<String> saved = new CopyOnWriteArrayList<>();
    SessionStore backend = MemorySessionStore.create();
    SessionStore store = failing(backend, (method, args) -> {
      if (!method.equals("saveRun") || !((RunOutput) args[0]).status().isFinal()) {
        return false;
      }
      if (!down.get()) {
        saved.add(((RunOutput) args[0]).runId());
      }
      return down.get();
    });
    Engine engine = engine(store, "");

    RunOutput first = engine.run("agent", RunRequest.create(r -> r.input("one").sessionId("s")));
    RunOutput second = engine.run("agent", RunRequest.create(r -> r.input("two").sessionId("s")));
    down.set(false);
    RunOutput third = engine.run("agent", RunRequest.create(r -> r.input("three").sessionId("s")));

    assertThat(Eventually.until(Duration.ofSeconds(10), () -> engine.pendingSaves() == 0)).isTrue();
    assertThat(saved).startsWith(first.runId(), second.runId(), third.runId());
    assertThat(backend.listRuns("s")).extracting(RunOutput::status).containsOnly(RunStatus.COMPLETED).hasSize(3);
  }

  @Test
  void an_ending_the_database_refuses_for_good_ends_the_run_with_a_store_error_stored_as_such() {
    SessionStore backend = MemorySessionStore.create();
    SessionStore store = failing(backend, (method, args) -> method.equals("saveRun")
        && ((RunOutput) args[0]).status() == RunStatus.COMPLETED, false);
    Engine engine = engine(store, "");
    List<RunEvent> events = new ArrayList<>();

    RunOutput out = engine.run("agent", RunRequest.create(r -> r.input("hi").sessionId("s")), events::add);

    assertThat(out.status()).isEqualTo(RunStatus.ERROR);
    assertThat(out.contentText()).isEqualTo("the run could not be saved: database error");
    assertThat(events.getLast()).isInstanceOfSatisfying(RunEvent.RunError.class, e -> {
      assertThat(e.errorType()).isEqualTo("StoreError");
      assertThat(e.content()).doesNotContain("database down");
    });
    assertThat(events).noneMatch(e -> e instanceof RunEvent.RunCompleted);
    assertThat(backend.findRun(out.runId())).as("not left RUNNING").get().extracting(RunOutput::status)
        .isEqualTo(RunStatus.ERROR);
    assertThat(engine.pendingSaves()).isZero();
  }

  @Test
  void a_store_failure_before_the_run_is_a_retryable_error_for_the_caller() {
    SessionStore store = failing(MemorySessionStore.create(), (method, args) -> method.equals("findSession"));
    Engine engine = engine(store, "");

    assertThatThrownBy(() -> engine.run("agent", RunRequest.of("hi")))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue());
  }

  /** {@code store}, except that the calls {@code fails} picks throw a retryable StoreException. */
  static SessionStore failing(SessionStore store, BiPredicate<String, Object[]> fails) {
    return failing(store, fails, true);
  }

  /** {@code store}, except that the calls {@code fails} picks throw a StoreException. */
  static SessionStore failing(SessionStore store, BiPredicate<String, Object[]> fails, boolean retryable) {
    return (SessionStore) Proxy.newProxyInstance(SessionStore.class.getClassLoader(),
        new Class<?>[] {SessionStore.class}, (proxy, method, args) -> {
          if (fails.test(method.getName(), args)) {
            throw new StoreException("database down", retryable);
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
