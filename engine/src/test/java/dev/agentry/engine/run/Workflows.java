package dev.agentry.engine.run;

import dev.agentry.engine.event.RunRequirement;
import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.model.Catalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Workflow specs for engine tests: agents on scripted models that echo what they are asked, and workflows written as
 * their step lists; and answers to a paused workflow's step requirements.
 */
final class Workflows {
  private Workflows() {}

  /**
   * Agents {@code echo} ("[input]"), {@code upper} ("UP:input"), {@code hello} ("hello"), {@code slow} (a long
   * answer, slowly) and {@code mailer} (calls send_email, which requires confirmation, when asked to mail).
   */
  static final String AGENTS = Specs.HEADER + """
      kind: Model
      metadata: {name: echo-model}
      spec:
        provider: scripted
        script: {fallback: "[{input}]"}
      ---
      """ + Specs.HEADER + """
      kind: Model
      metadata: {name: upper-model}
      spec:
        provider: scripted
        script: {fallback: "UP:{input}"}
      ---
      """ + Specs.HEADER + """
      kind: Model
      metadata: {name: hello-model}
      spec:
        provider: scripted
        script: {fallback: "hello"}
      ---
      """ + Specs.HEADER + """
      kind: Model
      metadata: {name: slow-model}
      spec:
        provider: scripted
        script: {chunk_size: 1, chunk_delay_ms: 50, fallback: "abcdefghijklmnopqrstuvwxyz0123456789ABCD"}
      ---
      """ + Specs.HEADER + """
      kind: Toolkit
      metadata: {name: mail}
      spec:
        functions:
          - name: send_email
            description: Send an e-mail.
            parameters: {type: object, properties: {to: {type: string}}, required: [to]}
            requires_confirmation: true
      ---
      """ + Specs.HEADER + """
      kind: Model
      metadata: {name: mailer-model}
      spec:
        provider: scripted
        script:
          rules:
            - when: 'mail'
              content: "Mail sent: {tool_result}"
              tool_calls: [{name: send_email, arguments: {to: "ada@example.com"}}]
          fallback: "no mail"
      ---
      """ + Specs.HEADER + """
      kind: Agent
      metadata: {name: echo}
      spec: {model: echo-model, name: Echo}
      ---
      """ + Specs.HEADER + """
      kind: Agent
      metadata: {name: upper}
      spec: {model: upper-model, name: Upper}
      ---
      """ + Specs.HEADER + """
      kind: Agent
      metadata: {name: hello}
      spec: {model: hello-model, name: Hello}
      ---
      """ + Specs.HEADER + """
      kind: Agent
      metadata: {name: slow}
      spec: {model: slow-model, name: Slow}
      ---
      """ + Specs.HEADER + """
      kind: Agent
      metadata: {name: mailer}
      spec: {model: mailer-model, name: Mailer, tools: [{toolkit: mail}]}
      ---
      """ + Specs.HEADER + """
      kind: Team
      metadata: {name: echo-team}
      spec:
        model: echo-model
        mode: route
        members: [{agent: upper}]
      """;

  /** The agents, any {@code extra} documents, and a workflow {@code wf} with the given spec (indented YAML). */
  static Catalog compile(Path dir, String workflowSpec, String... extra) {
    StringBuilder yaml = new StringBuilder(AGENTS);
    for (String e : extra) {
      yaml.append("---\n").append(e);
    }
    yaml.append("---\n").append(workflow("wf", workflowSpec));
    return Specs.compile(dir, yaml.toString());
  }

  static String workflow(String name, String spec) {
    return Specs.HEADER + "kind: Workflow\nmetadata: {name: " + name + "}\nspec:\n" + Specs.indent(spec, "  ");
  }

  // ---- answers ----

  static StepRequirement confirm(StepRequirement r, boolean confirmed) {
    return copy(r, confirmed, r.userInput(), r.selectedChoices(), r.executorRequirements());
  }

  static StepRequirement give(StepRequirement r, Map<String, Object> values) {
    return copy(r, r.confirmed(), values, r.selectedChoices(), r.executorRequirements());
  }

  static StepRequirement choose(StepRequirement r, List<String> choices) {
    return copy(r, r.confirmed(), r.userInput(), choices, r.executorRequirements());
  }

  /** Confirms every tool call the step's agent waits for. */
  static StepRequirement confirmTools(StepRequirement r) {
    List<RunRequirement> answered = r.executorRequirements().stream()
        .map(q -> new RunRequirement(q.id(), q.createdAt(), q.confirmation(), q.memberAgentId(), q.memberAgentName(),
            q.memberRunId(), q.toolExecution().withAnswer(true, null, null), q.userInputSchema())).toList();
    return copy(r, r.confirmed(), r.userInput(), r.selectedChoices(), answered);
  }

  private static StepRequirement copy(StepRequirement r, Boolean confirmed, Map<String, Object> userInput,
      List<String> selected, List<RunRequirement> executor) {
    return new StepRequirement(r.stepId(), r.stepName(), r.stepIndex(), r.stepType(), r.requiresConfirmation(),
        r.confirmationMessage(), confirmed, r.onReject(), r.requiresUserInput(), r.userInputMessage(), userInput,
        r.requiresRouteSelection(), r.availableChoices(), r.allowMultipleSelections(), selected,
        r.requiresOutputReview(), r.outputReviewMessage(), r.isPostExecution(), r.rejectionFeedback(), r.retryCount(),
        r.maxRetries(), r.timeoutAt(), r.onTimeout(), r.userInputSchema(), r.stepInput(), r.requiresExecutorInput(),
        executor, r.executorId(), r.executorName(), r.executorRunId(), r.executorType(), r.executorSessionId(),
        r.stepOutput(), r.editedOutput());
  }
}
