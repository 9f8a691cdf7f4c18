package dev.agentry.engine.run;

import dev.agentry.engine.event.TeamTask;
import dev.agentry.engine.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The task list of one team run in tasks mode, as Agno's {@code TaskList}: tasks with dependencies (a task waits,
 * {@code blocked}, until they complete, and fails when one fails), the goal flag and its summary. Shared by the
 * leader's tools, which may run tasks in parallel, so every method is synchronized. Task ids count from 1 in each
 * run ("1", "2", ...), where Agno draws random ones: short, stable ids are easier for a model to repeat, and let a
 * scripted leader refer to the tasks it creates.
 */
final class TaskBoard {
  /** Where a paused run in tasks mode keeps its board, as Agno's {@code session_state["_team_tasks"]}. */
  static final String STATE_KEY = "_team_tasks";
  static final List<String> STATUSES = List.of("pending", "in_progress", "completed", "failed", "blocked");

  private final Map<String, TeamTask> tasks = new LinkedHashMap<>();
  private boolean goalComplete;
  private @Nullable String completionSummary;

  synchronized TeamTask create(String title, String description, @Nullable String assignee, List<String> dependsOn) {
    String id = String.valueOf(tasks.size() + 1);
    TeamTask task = new TeamTask(id, title, description, "pending", assignee, dependsOn, null);
    tasks.put(id, task);
    unblock();
    return tasks.get(id);
  }

  synchronized Optional<TeamTask> find(String id) {
    return Optional.ofNullable(tasks.get(id));
  }

  /** The task with this title, ignoring case: the leader is told to use it instead of creating it twice. */
  synchronized Optional<TeamTask> findByTitle(String title) {
    return tasks.values().stream().filter(t -> t.title().equalsIgnoreCase(title)).findFirst();
  }

  /** Sets a task's status (and result, assignee); tasks waiting on it are unblocked or failed. */
  synchronized TeamTask update(String id, String status, @Nullable String result, @Nullable String assignee) {
    TeamTask task = tasks.get(id).withStatus(status, result, assignee);
    tasks.put(id, task);
    unblock();
    return tasks.get(id);
  }

  synchronized void complete(String summary) {
    goalComplete = true;
    completionSummary = summary;
  }

  synchronized boolean goalComplete() {
    return goalComplete;
  }

  synchronized @Nullable String completionSummary() {
    return completionSummary;
  }

  synchronized List<TeamTask> tasks() {
    return List.copyOf(tasks.values());
  }

  /** True when every task has ended, none of them failed. */
  synchronized boolean allDone() {
    return !tasks.isEmpty() && tasks.values().stream().allMatch(t -> t.status().equals("completed"));
  }

  /** Agno's summary: a count by status, then one line per task with its dependencies and result. */
  synchronized String summary() {
    if (tasks.isEmpty()) {
      return "No tasks yet.";
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    tasks.values().forEach(t -> counts.merge(t.status(), 1, Integer::sum));
    List<String> byStatus = new ArrayList<>();
    counts.forEach((status, n) -> byStatus.add(n + " " + status));
    StringBuilder out = new StringBuilder("Tasks (").append(tasks.size()).append(" total: ")
        .append(String.join(", ", byStatus)).append("):");
    for (TeamTask t : tasks.values()) {
      out.append("\n  [").append(t.id()).append("] ").append(t.title()).append(" - ")
          .append(t.status().toUpperCase(java.util.Locale.ROOT)).append(" (assigned: ")
          .append(t.assignee() == null ? "unassigned" : t.assignee()).append(')');
      if (!t.dependencies().isEmpty()) {
        out.append("\n    Depends on: ").append(t.dependencies());
      }
      if (t.result() != null) {
        String result = t.result();
        out.append("\n    Result: ").append(result.length() > 200 ? result.substring(0, 200) + "..." : result);
      }
    }
    return out.toString();
  }

  /** The board as a paused run keeps it in its session state ({@link #STATE_KEY}), to be read back on continue. */
  synchronized Map<String, Object> toState(int iteration) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("tasks", Json.MAPPER.convertValue(List.copyOf(tasks.values()), List.class));
    state.put("goal_complete", goalComplete);
    state.put("completion_summary", completionSummary);
    state.put("iteration", iteration);
    return state;
  }

  /**
   * Restores a board that {@link #toState} wrote; a missing or foreign value leaves it empty.
   *
   * @return the round the run was paused in (0 when the state does not say)
   */
  synchronized int restore(@Nullable Object state) {
    if (!(state instanceof Map<?, ?> map) || !(map.get("tasks") instanceof List<?> list)) {
      return 0;
    }
    for (Object item : list) {
      TeamTask task = Json.MAPPER.convertValue(item, TeamTask.class);
      tasks.put(task.id(), task);
    }
    goalComplete = Boolean.TRUE.equals(map.get("goal_complete"));
    completionSummary = map.get("completion_summary") instanceof String summary ? summary : null;
    return map.get("iteration") instanceof Number n ? n.intValue() : 0;
  }

  /** A pending task waits while a dependency is unfinished; a waiting task fails when a dependency failed. */
  private void unblock() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (TeamTask t : List.copyOf(tasks.values())) {
        String next = next(t);
        if (!next.equals(t.status())) {
          tasks.put(t.id(), t.withStatus(next, next.equals("failed") ? "Automatically failed: a dependency failed."
              : t.result(), t.assignee()));
          changed = true;
        }
      }
    }
  }

  private String next(TeamTask t) {
    if (!t.status().equals("pending") && !t.status().equals("blocked")) {
      return t.status();
    }
    boolean failed = t.dependencies().stream().anyMatch(d -> tasks.containsKey(d)
        && tasks.get(d).status().equals("failed"));
    if (failed) {
      return "failed";
    }
    boolean waiting = t.dependencies().stream().anyMatch(d -> !tasks.containsKey(d)
        || !tasks.get(d).status().equals("completed"));
    return waiting ? "blocked" : "pending";
  }
}
