package dev.agentry.engine.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a workflow step is given, as Agno's {@code StepInput.to_dict()}: carried by a paused step's
 * {@link StepRequirement#stepInput()} so that the step can run once the workflow continues. Its null fields are
 * written out, as Agno does.
 *
 * @param input the workflow's input: text, or a map or list for structured input
 * @param previousStepOutputs the outputs of the steps before it, by step name, in the order they ran
 * @param previousStepContent the previous step's content as text (JSON for structured content)
 * @param additionalData data the caller passed with the run
 * @param images media given to the step, as Agno's media dicts (likewise {@code videos}, {@code audio}, {@code files})
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StepInput(
    @Nullable Object input,
    Map<String, StepResult> previousStepOutputs,
    @Nullable String previousStepContent,
    @Nullable Map<String, Object> additionalData,
    @Nullable List<JsonNode> images,
    @Nullable List<JsonNode> videos,
    @Nullable List<JsonNode> audio,
    @Nullable List<JsonNode> files) {
  public StepInput {
    previousStepOutputs = previousStepOutputs == null ? Map.of() // Agno writes null before the first step
        : Collections.unmodifiableMap(new LinkedHashMap<>(previousStepOutputs));
    additionalData = additionalData == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(additionalData));
  }

  /** A step's input without media: the workflow's input and what the steps before it produced. */
  public static StepInput of(@Nullable Object input, Map<String, StepResult> previousStepOutputs,
      @Nullable String previousStepContent) {
    return new StepInput(input, previousStepOutputs, previousStepContent, null, null, null, null, null);
  }
}
