package dev.agentry.engine.compile;

import dev.agentry.engine.model.CelExpression;
import dev.agentry.engine.model.SessionDefaults;
import dev.agentry.engine.model.StepDef;
import dev.agentry.engine.model.StepSettings;
import dev.agentry.engine.model.WorkflowDef;
import dev.agentry.engine.spec.WorkflowSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a checked workflow spec: its settings and its step tree, with the defaults of
 * {@code schemas/workflow.schema.json} applied (the checker has made sure each step is exactly one kind).
 */
final class Workflows {
  private Workflows() {}

  static WorkflowDef.Settings settings(WorkflowSpec spec, String defaultDb) {
    return new WorkflowDef.Settings(
        new SessionDefaults(spec.sessionId(), spec.userId(), map(spec.sessionState()), Map.of(), map(spec.metadata())),
        spec.stream() != null && spec.stream(), on(spec.streamEvents(), false),
        on(spec.streamExecutorEvents(), true), on(spec.storeEvents(), false),
        Set.copyOf(spec.eventsToSkip() == null ? List.of() : spec.eventsToSkip()),
        on(spec.storeExecutorOutputs(), true), spec.db() != null ? spec.db() : defaultDb, on(spec.debugMode(), false));
  }

  private static boolean on(@Nullable Boolean value, boolean otherwise) {
    return value != null ? value : otherwise;
  }

  private static Map<String, Object> map(@Nullable Map<String, Object> map) {
    return map == null ? Map.of() : new LinkedHashMap<>(map);
  }

  /** One workflow's steps, compiled with what they share: the workflow's id and history settings. */
  record Context(String workflowId, WorkflowSpec spec, Function<String, CelExpression> expressions) {
    List<StepDef> steps(@Nullable List<WorkflowSpec.Step> written) {
      List<StepDef> out = new ArrayList<>();
      for (WorkflowSpec.Step step : written == null ? List.<WorkflowSpec.Step>of() : written) {
        out.add(step(step));
      }
      return out;
    }

    private StepDef step(WorkflowSpec.Step step) {
      StepDef.Head head = head(step);
      if (step.agent() != null) {
        return new StepDef.AgentStep(head, step.agent());
      }
      if (step.team() != null) {
        return new StepDef.TeamStep(head, step.team());
      }
      if (step.workflow() != null) {
        return new StepDef.WorkflowStep(head, step.workflow());
      }
      if (step.condition() != null) {
        WorkflowSpec.Condition c = step.condition();
        return new StepDef.Condition(head,
            expressions.apply(Objects.requireNonNull(c.evaluator(), "required by the schema")), steps(c.steps()),
            steps(c.elseSteps()));
      }
      if (step.loop() != null) {
        WorkflowSpec.Loop l = step.loop();
        // The default of schemas/workflow.schema.json#/$defs/loop/properties/max_iterations.
        int max = l.maxIterations() != null ? l.maxIterations() : 3;
        return new StepDef.Loop(head, steps(l.steps()),
            l.endCondition() == null ? null : expressions.apply(l.endCondition()), max);
      }
      if (step.parallel() != null) {
        return new StepDef.Parallel(head, steps(step.parallel().steps()));
      }
      if (step.router() != null) {
        WorkflowSpec.Router r = step.router();
        boolean person = on(r.requiresUserInput(), false);
        return new StepDef.Router(head, person || r.selector() == null ? null : expressions.apply(r.selector()),
            steps(r.choices()), person || r.selector() == null
                ? new StepDef.RouteSelection(r.userInputMessage(), on(r.allowMultipleSelections(), false)) : null);
      }
      return new StepDef.Group(head, steps(step.steps()));
    }

    private StepDef.Head head(WorkflowSpec.Step step) {
      String name = Objects.requireNonNull(step.name(), "required by the schema");
      return new StepDef.Head(id(name), name, step.description(), settings(step));
    }

    /** A step's id: the same for the same workflow and step name, across reloads and instances. */
    private String id(String stepName) {
      return UUID.nameUUIDFromBytes((workflowId + "/" + stepName).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private StepSettings settings(WorkflowSpec.Step step) {
      boolean history = step.addWorkflowHistory() != null ? step.addWorkflowHistory()
          : on(spec.addWorkflowHistoryToSteps(), false);
      // The defaults of num_history_runs: the step's, else the workflow's, else 3 (Agno's).
      int runs = step.numHistoryRuns() != null ? step.numHistoryRuns()
          : spec.numHistoryRuns() != null ? spec.numHistoryRuns() : 3;
      return new StepSettings(step.maxRetries() != null ? step.maxRetries() : 0,
          step.timeoutSeconds() == null ? null : Duration.ofSeconds(step.timeoutSeconds()),
          on(step.skipOnFailure(), false), on(step.strictInputValidation(), false), history ? runs : 0,
          step.stopWhen() == null ? null : expressions.apply(step.stopWhen()), review(step));
    }

    private static StepSettings.@Nullable Review review(WorkflowSpec.Step step) {
      boolean confirm = on(step.requiresConfirmation(), false);
      boolean input = on(step.requiresUserInput(), false);
      if (!confirm && !input) {
        return null;
      }
      List<StepSettings.Field> fields = new ArrayList<>();
      for (WorkflowSpec.UserInputField f : step.userInputSchema() == null ? List.<WorkflowSpec.UserInputField>of()
          : step.userInputSchema()) {
        fields.add(new StepSettings.Field(Objects.requireNonNull(f.name(), "required by the schema"),
            f.fieldType() != null ? f.fieldType() : "str", f.description(), on(f.required(), true),
            f.allowedValues() == null ? List.of() : f.allowedValues()));
      }
      return new StepSettings.Review(confirm, step.confirmationMessage(), "cancel".equals(step.onReject()), input,
          step.userInputMessage(), fields);
    }
  }
}
