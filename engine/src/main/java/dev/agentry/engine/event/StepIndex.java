package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Where a step is in its workflow, as Agno's {@code step_index}: a top-level step's 0-based position, written as a
 * number; a step inside a parallel, loop, condition, router or steps group adds its own 0-based position to its
 * group's, written as a list ({@code [2, 0]} for the first step of the third top-level one).
 *
 * @param path the 0-based positions, outermost first; never empty
 */
public record StepIndex(List<Integer> path) {
  public StepIndex {
    path = List.copyOf(path);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("a step index has at least one position");
    }
  }

  /** A top-level step's index. */
  public static StepIndex of(int index) {
    return new StepIndex(List.of(index));
  }

  /** The index of the step at {@code position} inside this one (a group's). */
  public StepIndex child(int position) {
    List<Integer> longer = new ArrayList<>(path);
    longer.add(position);
    return new StepIndex(longer);
  }

  /** The index as Agno writes it: a number at the top level, a list below. */
  @JsonValue
  public Object json() {
    return path.size() == 1 ? path.getFirst() : path;
  }

  /** Reads either form. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static StepIndex fromJson(JsonNode node) {
    if (node.isArray()) {
      List<Integer> positions = new ArrayList<>();
      node.forEach(n -> positions.add(n.asInt()));
      return new StepIndex(positions);
    }
    return of(node.asInt());
  }

  /** For people: 1-based positions joined by dots, e.g. "3.1" for {@code [2, 0]}. */
  public String label() {
    return path.stream().map(i -> String.valueOf(i + 1)).collect(Collectors.joining("."));
  }
}
