package dev.agentry.engine.run;

import dev.agentry.engine.event.StepResult;
import dev.agentry.engine.internal.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a workflow step is given, as Agno's {@code StepInput}: the workflow's input and the outputs of the steps before
 * it in its chain ({@code previous_step_outputs}, by name, in the order they ran). Immutable: each step of a chain
 * gets the flow after the one before ({@link #after}), which links to it rather than copying its outputs.
 *
 * @param input the workflow's input: text, or a JSON value for structured input
 * @param before the flow of the step before; null for the first
 * @param last the output of the step that ran last; null before the first
 */
record StepFlow(Object input, @Nullable StepFlow before, @Nullable StepResult last) {
  static StepFlow start(Object input) {
    return new StepFlow(input, null, null);
  }

  /** The flow for the step after one that gave {@code result}; a group that ran no step passes the flow on. */
  StepFlow after(StepResult result) {
    boolean leaf = "Step".equals(result.stepType()) || "Workflow".equals(result.stepType());
    if (!leaf && result.steps() == null) {
      return this; // a condition without a branch, a router that chose nothing: nothing new to hand on
    }
    return new StepFlow(input, this, result);
  }

  /** The outputs of the steps before, by name, in the order they ran (a step run again, in a loop, moves last). */
  Map<String, StepResult> previous() {
    List<StepResult> outputs = new ArrayList<>();
    for (StepFlow f = this; f != null && f.last != null; f = f.before) {
      outputs.add(f.last);
    }
    Map<String, StepResult> byName = new LinkedHashMap<>();
    for (StepResult r : outputs.reversed()) {
      byName.remove(r.stepName());
      byName.put(r.stepName(), r);
    }
    return Collections.unmodifiableMap(byName);
  }

  /** The previous step's content as text ({@code previous_step_content}); "" before the first step. */
  String previousContent() {
    return last == null ? "" : deepest(last);
  }

  /**
   * What a step's agent, team or workflow is asked, as Agno's {@code Step._prepare_message}: the previous step's
   * output (a parallel block's outputs together, each under its step's name), or the workflow's input for the first
   * step.
   */
  Object message() {
    String previousContent = previousContent();
    return last == null || previousContent.isEmpty() ? input : previousContent;
  }

  /**
   * The content a step hands on, as Agno's {@code _get_deepest_content_from_step_output}: a group's is that of its
   * last step, a parallel block's is every branch's, each under a {@code === name ===} heading.
   */
  static String deepest(StepResult result) {
    List<StepResult> inner = result.steps();
    if (inner == null || inner.isEmpty()) {
      return text(result.content());
    }
    if ("Parallel".equals(result.stepType())) {
      return inner.stream().filter(r -> !deepest(r).isEmpty())
          .map(r -> "=== " + r.stepName() + " ===\n" + deepest(r)).collect(Collectors.joining("\n\n"));
    }
    return deepest(inner.getLast());
  }

  /** Content as text: the string itself, or the JSON of structured content. */
  static String text(@Nullable Object content) {
    return switch (content) {
      case null -> "";
      case String s -> s;
      default -> Json.MAPPER.writeValueAsString(content);
    };
  }
}
