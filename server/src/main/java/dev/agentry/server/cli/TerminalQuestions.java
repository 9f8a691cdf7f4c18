package dev.agentry.server.cli;

import dev.agentry.engine.event.RunRequirement;
import dev.agentry.engine.event.StepRequirement;
import dev.agentry.engine.event.ToolExecution;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questions {@code agentry run} asks on the terminal when a run pauses: a tool call to confirm, its missing
 * fields or its result (agents and teams, and a workflow step's agent or team); a workflow step to confirm, its user
 * input fields (typed by {@code field_type}, required ones insisted on, allowed values enforced) and a router's
 * choice. One reader for the whole command, so that the answers to successive pauses are read in order.
 */
final class TerminalQuestions {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BufferedReader in;
  private final PrintWriter out;

  TerminalQuestions(BufferedReader in, PrintWriter out) {
    this.in = in;
    this.out = out;
  }

  /** The input ended before an answer was given. */
  static final class NoAnswer extends Exception {
    NoAnswer() {
      super(null, null, false, false);
    }
  }

  /** Asks what each paused call (a team's members' included) waits for. */
  List<ToolExecution> toolCalls(List<RunRequirement> requirements) throws NoAnswer {
    List<ToolExecution> answers = new ArrayList<>();
    for (RunRequirement requirement : requirements) {
      answers.add(call(requirement));
    }
    return answers;
  }

  private ToolExecution call(RunRequirement requirement) throws NoAnswer {
    ToolExecution call = requirement.toolExecution();
    String label = (requirement.memberAgentName() == null ? "" : "[" + requirement.memberAgentName() + "] ")
        + call.toolName() + "(" + (call.toolArgs() == null ? "" : call.toolArgs()) + ")";
    if (call.requiresConfirmation()) {
      call = call.withAnswer(yes(prompt("Confirm " + label + "? [y/N] ")), null, null);
    }
    if (call.requiresUserInput() && call.userInputSchema() != null) {
      List<ToolExecution.UserInputField> fields = new ArrayList<>();
      for (ToolExecution.UserInputField field : call.userInputSchema()) {
        if (field.value() != null) { // given by the model
          fields.add(field);
          continue;
        }
        String value = prompt(label + " needs " + field.name()
            + (field.description() == null ? "" : " (" + field.description() + ")") + ": ");
        fields.add(new ToolExecution.UserInputField(field.name(), field.fieldType(), field.description(), value));
      }
      call = call.withUserInput(fields);
    }
    if (call.externalExecutionRequired()) {
      call = call.withExternalResult(prompt("Result of " + label + ": "));
    }
    return call;
  }

  /** Asks what each of a paused workflow's step requirements waits for, and returns them answered. */
  List<StepRequirement> steps(List<StepRequirement> requirements) throws NoAnswer {
    List<StepRequirement> answers = new ArrayList<>();
    for (StepRequirement requirement : requirements) {
      answers.add(step(requirement));
    }
    return answers;
  }

  private StepRequirement step(StepRequirement r) throws NoAnswer {
    String label = "step '" + r.stepName() + "'";
    Boolean confirmed = r.confirmed();
    Map<String, Object> values = r.userInput();
    List<String> chosen = r.selectedChoices();
    List<RunRequirement> executor = r.executorRequirements();
    if (r.requiresConfirmation()) {
      confirmed = yes(prompt("Run " + label + "? [y/N] ")); // its message is on the step's paused line
    }
    if (r.requiresUserInput() && r.userInputSchema() != null && !Boolean.FALSE.equals(confirmed)) {
      values = new LinkedHashMap<>();
      for (StepRequirement.UserInputField field : r.userInputSchema()) {
        Object value = field.value() != null ? field.value() : value(label, field);
        if (value != null) {
          values.put(field.name(), value);
        }
      }
    }
    if (r.requiresRouteSelection() && r.availableChoices() != null) {
      chosen = choose(label, r);
    }
    if (r.requiresExecutorInput() && executor != null) {
      List<RunRequirement> answered = new ArrayList<>();
      for (RunRequirement waiting : executor) {
        ToolExecution call = call(waiting);
        answered.add(new RunRequirement(waiting.id(), waiting.createdAt(), call.confirmed(), waiting.memberAgentId(),
            waiting.memberAgentName(), waiting.memberRunId(), call, call.userInputSchema()));
      }
      executor = answered;
    }
    return new StepRequirement(r.stepId(), r.stepName(), r.stepIndex(), r.stepType(), r.requiresConfirmation(),
        r.confirmationMessage(), confirmed, r.onReject(), r.requiresUserInput(), r.userInputMessage(), values,
        r.requiresRouteSelection(), r.availableChoices(), r.allowMultipleSelections(), chosen,
        r.requiresOutputReview(), r.outputReviewMessage(), r.isPostExecution(), r.rejectionFeedback(), r.retryCount(),
        r.maxRetries(), r.timeoutAt(), r.onTimeout(), r.userInputSchema(), r.stepInput(), r.requiresExecutorInput(),
        executor, r.executorId(), r.executorName(), r.executorRunId(), r.executorType(), r.executorSessionId(),
        r.stepOutput(), r.editedOutput());
  }

  /** A field's value of its type, asked until it is one; null for an optional field left empty. */
  private @Nullable Object value(String label, StepRequirement.UserInputField field) throws NoAnswer {
    String question = label + " needs " + field.name() + " (" + field.fieldType()
        + (field.required() ? "" : ", optional")
        + (field.allowedValues() == null ? "" : ", one of " + field.allowedValues()) + ")"
        + (field.description() == null ? "" : ": " + field.description()) + ": ";
    while (true) {
      String text = prompt(question).strip();
      if (text.isEmpty()) {
        if (!field.required()) {
          return null;
        }
        line(field.name() + " is required.");
        continue;
      }
      Object value = typed(field.fieldType(), text);
      if (value == null) {
        line("'" + text + "' is not of type " + field.fieldType() + ".");
        continue;
      }
      if (field.allowedValues() != null) {
        Object allowed = field.allowedValues().stream().filter(a -> String.valueOf(a).equals(String.valueOf(value)))
            .findFirst().orElse(null);
        if (allowed == null) {
          line("'" + text + "' is not one of " + field.allowedValues() + ".");
          continue;
        }
        return allowed;
      }
      return value;
    }
  }

  /** {@code text} as a value of Agno's {@code field_type}; null when it is not one. */
  private static @Nullable Object typed(String type, String text) {
    try {
      return switch (type) {
        case "int" -> Long.parseLong(text);
        case "float" -> Double.parseDouble(text);
        case "bool" -> switch (text.toLowerCase()) {
          case "y", "yes", "true" -> Boolean.TRUE;
          case "n", "no", "false" -> Boolean.FALSE;
          default -> null;
        };
        case "list" -> text.startsWith("[") ? JSON.readValue(text, List.class)
            : List.of(text.split("\\s*,\\s*"));
        case "dict" -> JSON.readValue(text, Map.class);
        default -> text;
      };
    } catch (NumberFormatException | JacksonException e) {
      return null;
    }
  }

  /** A router's route(s), chosen by number from a list, asked until the choice is valid. */
  private List<String> choose(String label, StepRequirement r) throws NoAnswer {
    List<String> choices = r.availableChoices();
    for (int i = 0; i < choices.size(); i++) {
      line("  " + (i + 1) + ") " + choices.get(i));
    }
    String question = r.allowMultipleSelections()
        ? "Choose one or more routes for " + label + " (numbers, separated by commas): "
        : "Choose a route for " + label + " (number): ";
    while (true) {
      String text = prompt(question).strip();
      List<String> chosen = new ArrayList<>();
      for (String part : text.split("\\s*,\\s*")) {
        String name = pick(choices, part);
        if (name == null) {
          chosen = null;
          break;
        }
        if (!chosen.contains(name)) {
          chosen.add(name);
        }
      }
      if (chosen == null || chosen.isEmpty()) {
        line("Give " + (r.allowMultipleSelections() ? "numbers" : "a number") + " from 1 to " + choices.size()
            + ".");
      } else if (chosen.size() > 1 && !r.allowMultipleSelections()) {
        line("Choose one route only.");
      } else {
        return chosen;
      }
    }
  }

  /** The choice {@code text} names, by number or by name; null when none. */
  private static @Nullable String pick(List<String> choices, String text) {
    if (choices.contains(text)) {
      return text;
    }
    try {
      int n = Integer.parseInt(text);
      return n >= 1 && n <= choices.size() ? choices.get(n - 1) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean yes(String answer) {
    return answer.strip().toLowerCase().startsWith("y");
  }

  private void line(String text) {
    out.println(text);
    out.flush();
  }

  private String prompt(String question) throws NoAnswer {
    out.print(question);
    out.flush();
    try {
      String line = in.readLine();
      if (line == null) {
        out.println();
        out.flush();
        throw new NoAnswer();
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
