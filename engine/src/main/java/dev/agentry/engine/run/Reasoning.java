package dev.agentry.engine.run;

import dev.agentry.engine.event.ReasoningSteps;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.internal.Json;
import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.ReasoningNotes;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.model.ReasoningSettings;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Agno's step-by-step reasoning ({@code reasoning: true}), done once before the first model turn of a run: the
 * reasoning model (the participant's own unless {@code reasoning_model} names one) is asked for structured steps
 * ({@link ReasoningSteps}) until a step's {@code next_action} is not "continue" with at least
 * {@code reasoning_min_steps} taken, or {@code reasoning_max_steps} are; a {@code reasoning_agent} is run instead, as
 * a child run. Emits {@code ReasoningStarted}, one {@code ReasoningStep} per step and {@code ReasoningCompleted}; the
 * steps then join the context as Agno adds them (its reasoning messages between two assistant notes) and the run's
 * output keeps them. A reasoning failure is logged and the run goes on without steps, as in Agno.
 */
final class Reasoning {
  private static final Logger LOG = LoggerFactory.getLogger(Reasoning.class);
  /** The JSON Schema of the reasoning model's answer, Agno's {@code ReasoningSteps}. */
  static final JsonNode SCHEMA = Json.MAPPER.readTree("""
      {"title": "ReasoningSteps", "type": "object", "required": ["reasoning_steps"],
       "properties": {"reasoning_steps": {"type": "array", "items": {"type": "object", "properties": {
         "title": {"type": "string"}, "action": {"type": "string"}, "result": {"type": "string"},
         "reasoning": {"type": "string"},
         "next_action": {"type": "string", "enum": ["continue", "validate", "final_answer", "reset"]},
         "confidence": {"type": "number"}}}}}}""");

  private Reasoning() {}

  /** Reasons before the first turn; {@code model} is the reasoning model (unused with a reasoning agent). */
  static void reason(ActiveRun run, @Nullable ChatModel model) {
    ReasoningSettings settings = run.runtime.participant().reasoning();
    run.emit(new RunEvent.ReasoningStarted(run.scope, run.now()));
    List<ReasoningSteps.Step> steps = new ArrayList<>();
    List<Message> replies = new ArrayList<>();
    try {
      if (settings.agent() != null) {
        byAgent(run, settings, steps, replies);
      } else if (model != null) {
        byModel(run, model, settings, steps, replies);
      }
    } catch (RuntimeException e) {
      if (run.cancellation.isCancelled()) {
        throw e;
      }
      LOG.warn("run {}: reasoning failed, continuing without it: {}", run.scope.runId(), e.getMessage());
    }
    if (steps.isEmpty()) {
      return;
    }
    run.recordReasoning(steps, replies);
    run.addToContext(Message.assistant(ReasoningNotes.BEFORE, null, List.of()));
    replies.forEach(run::addToContext);
    run.addToContext(Message.assistant(ReasoningNotes.AFTER, null, List.of()));
    run.emit(new RunEvent.ReasoningCompleted(run.scope, run.now(), new ReasoningSteps(steps),
        ReasoningSteps.class.getSimpleName(), ReasoningSteps.ExtraData.of(steps)));
  }

  /** Asks the model for steps, again with the steps so far while it wants to continue. */
  private static void byModel(ActiveRun run, ChatModel model, ReasoningSettings settings,
      List<ReasoningSteps.Step> steps, List<Message> replies) {
    List<Message> messages = new ArrayList<>();
    messages.add(Message.system(ReasoningPrompt.system(settings.minSteps(), settings.maxSteps())));
    messages.addAll(inputMessages(run.conversation()));
    while (steps.size() < settings.maxSteps()) {
      ChatResponse response = model.chat(new ChatRequest(messages, List.of(), null, null, false, run.cancellation),
          StreamListener.NONE);
      run.recordUsage(response.usage());
      List<ReasoningSteps.Step> more = parse(response.content());
      if (more.isEmpty()) {
        LOG.warn("run {}: the reasoning model's answer holds no reasoning steps", run.scope.runId());
        return;
      }
      Message reply = Message.assistant(response.content(), null, List.of());
      replies.add(reply);
      if (!add(run, settings, more, steps)) {
        return;
      }
      messages.add(reply);
      messages.add(Message.user(ReasoningPrompt.proceed(steps.size(), settings.minSteps(), settings.maxSteps())));
    }
  }

  /** Runs the reasoning agent as a child run on the input, as often as it wants to continue. */
  private static void byAgent(ActiveRun run, ReasoningSettings settings, List<ReasoningSteps.Step> steps,
      List<Message> replies) {
    MemberRuns children = run.runtime.members();
    if (children == null) {
      return;
    }
    String input = run.inputText();
    while (steps.size() < settings.maxSteps()) {
      RunOutput out = children.reason(run, settings.agent(), input, OutputFormat.of(SCHEMA));
      if (out.status() != RunStatus.COMPLETED) {
        LOG.warn("run {}: the reasoning agent '{}' ended with {}: {}", run.scope.runId(), settings.agent(),
            out.status(), out.contentText());
        return;
      }
      List<ReasoningSteps.Step> more = parse(out.contentText());
      if (more.isEmpty()) {
        LOG.warn("run {}: the reasoning agent's answer holds no reasoning steps", run.scope.runId());
        return;
      }
      replies.addAll(ownMessages(out));
      if (!add(run, settings, more, steps)) {
        return;
      }
      input = run.inputText() + "\n\n" + ReasoningPrompt.soFar(steps) + "\n\n"
          + ReasoningPrompt.proceed(steps.size(), settings.minSteps(), settings.maxSteps());
    }
  }

  /**
   * Takes {@code more} steps (as many as {@code max} leaves room for), emitting a ReasoningStep for each; true when
   * reasoning goes on: the last step wants to continue, or fewer than {@code min} steps were taken.
   */
  private static boolean add(ActiveRun run, ReasoningSettings settings, List<ReasoningSteps.Step> more,
      List<ReasoningSteps.Step> steps) {
    for (ReasoningSteps.Step step : more) {
      if (steps.size() >= settings.maxSteps()) {
        return false;
      }
      steps.add(step);
      String text = steps.stream().map(ReasoningSteps.Step::text).reduce("", String::concat);
      run.emit(new RunEvent.ReasoningStep(run.scope, run.now(), step, "ReasoningStep", text,
          ReasoningSteps.ExtraData.of(List.of(step))));
    }
    String next = steps.getLast().nextAction();
    return steps.size() < settings.maxSteps()
        && (ReasoningSteps.Step.CONTINUE.equals(next) || steps.size() < settings.minSteps());
  }

  /** Agno's input messages: the run's system message and its user message, without history. */
  private static List<Message> inputMessages(List<Message> conversation) {
    List<Message> input = new ArrayList<>(2);
    if (!conversation.isEmpty() && conversation.getFirst().role() == Role.SYSTEM) {
      input.add(conversation.getFirst());
    }
    for (int i = conversation.size() - 1; i >= 0; i--) {
      if (conversation.get(i).role() == Role.USER) {
        input.add(conversation.get(i));
        break;
      }
    }
    return input;
  }

  /** The reasoning agent's messages from its first answer on, as Agno keeps them. */
  private static List<Message> ownMessages(RunOutput out) {
    List<Message> own = new ArrayList<>();
    for (RunMessage m : out.messages()) {
      if (!own.isEmpty() || m.message().role() == Role.ASSISTANT) {
        own.add(m.message());
      }
    }
    return own;
  }

  /** The steps in a reasoning answer (JSON, perhaps fenced or with text around it); empty when there are none. */
  static List<ReasoningSteps.Step> parse(@Nullable String answer) {
    if (answer == null) {
      return List.of();
    }
    int start = answer.indexOf('{');
    int end = answer.lastIndexOf('}');
    if (start < 0 || end < start) {
      return List.of();
    }
    try {
      JsonNode list = Json.MAPPER.readTree(answer.substring(start, end + 1)).path("reasoning_steps");
      List<ReasoningSteps.Step> steps = new ArrayList<>();
      for (JsonNode s : list) {
        if (s.isObject()) {
          steps.add(new ReasoningSteps.Step(text(s, "title"), text(s, "action"), text(s, "result"),
              text(s, "reasoning"), text(s, "next_action"),
              s.path("confidence").isNumber() ? s.path("confidence").asDouble() : null));
        }
      }
      return steps;
    } catch (JacksonException e) {
      return List.of();
    }
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.isString() ? value.stringValue() : value.toString();
  }
}
