package dev.agentry.engine.event;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A task of a team in tasks mode, as Agno's {@code TaskData} in {@code TeamTaskStateUpdated.tasks}.
 *
 * @param id a short id the leader refers to the task by
 * @param status {@code pending}, {@code in_progress}, {@code completed}, {@code failed} or {@code blocked}
 * @param assignee the member id it is assigned to, if any
 * @param dependencies the ids of the tasks that must complete first
 * @param result the member's (or the leader's) result, once completed or failed
 */
public record TeamTask(
    String id,
    String title,
    String description,
    String status,
    @Nullable String assignee,
    List<String> dependencies,
    @Nullable String result) {
  public TeamTask {
    dependencies = List.copyOf(dependencies);
  }

  public TeamTask withStatus(String newStatus, @Nullable String newResult, @Nullable String newAssignee) {
    return new TeamTask(id, title, description, newStatus, newAssignee, dependencies, newResult);
  }
}
