package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A team's member runs as {@code TeamRunCompleted.member_responses} carries them, or a workflow's step executor runs
 * as {@code WorkflowCompleted.step_executor_runs} does: Agno's run dicts ({@code RunOutput.to_dict()}). They are written out the first time the event is (then kept), so a consumer that
 * reads only the event's other fields, as most do, never pays for turning every member's run into JSON.
 */
public final class MemberResponses {
  private final Supplier<List<JsonNode>> source;
  private volatile List<JsonNode> json;

  private MemberResponses(Supplier<List<JsonNode>> source) {
    this.source = source;
  }

  /** Member runs written by {@code source} when first needed; it must give the same answer whenever it is called. */
  public static MemberResponses lazy(Supplier<List<JsonNode>> source) {
    return new MemberResponses(source);
  }

  /** Member runs already in their JSON form, as a stored or received event has them. */
  @JsonCreator
  public static MemberResponses of(List<JsonNode> json) {
    List<JsonNode> copy = List.copyOf(json);
    return new MemberResponses(() -> copy);
  }

  /** The member runs, each as Agno's run dict. */
  @JsonValue
  public List<JsonNode> json() {
    List<JsonNode> result = json;
    if (result == null) {
      result = List.copyOf(source.get()); // two threads may both write it: the same value, so either one is kept
      json = result;
    }
    return result;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MemberResponses m && json().equals(m.json());
  }

  @Override
  public int hashCode() {
    return json().hashCode();
  }

  @Override
  public String toString() {
    return "MemberResponses" + json();
  }
}
