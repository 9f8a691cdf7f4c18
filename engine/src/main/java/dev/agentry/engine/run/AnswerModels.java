package dev.agentry.engine.run;

import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.ResponseFormat;
import dev.agentry.engine.llm.Role;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.model.AnswerSettings;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The final answer after the main model has answered, as Agno makes it: the output model ({@code output_model})
 * writes it from the main model's work, then the parser model ({@code parser_model}) turns it into
 * {@code output_schema}; a structured answer is checked against the schema (one corrective retry) and kept as text
 * when {@code parse_response} is false. Each second model is a direct call through its own client, with
 * {@code OutputModelResponseStarted}/{@code Completed} and {@code ParserModelResponseStarted}/{@code Completed}
 * around it; their tokens count in the run's metrics.
 *
 * <p>Which model gets the response format: the parser model when there is one, else the output model, else the main
 * model. When an output model writes the answer, the main model's content is intermediate
 * ({@code RunIntermediateContent}) and the output model's is the run's content.
 */
final class AnswerModels {
  /** Agno's system message of the parser model. */
  static final String PARSER_PROMPT = "You are tasked with creating a structured output from the provided user "
      + "message.";

  private AnswerModels() {}

  /** True when the main model's answer is the final one, asked in the run's format: no second model. */
  static boolean mainAnswers(ActiveRun run) {
    return run.runtime.second().parser() == null && run.runtime.second().output() == null;
  }

  /** True when an output model writes the final answer, so the main model's content is intermediate. */
  static boolean intermediate(ActiveRun run) {
    return run.runtime.second().output() != null;
  }

  /**
   * The system message with Agno's JSON output prompt added in JSON mode ({@code use_json_mode}), unless a parser
   * model structures the answer (the parser's own system message has it then).
   */
  static @Nullable String withJsonPrompt(ActiveRun run, @Nullable String system) {
    if (run.output == null || !run.output.format().jsonMode() || run.runtime.second().parser() != null) {
      return system;
    }
    return system == null ? run.output.jsonPrompt() : system + "\n\n" + run.output.jsonPrompt();
  }

  /** Makes the final answer from the main model's {@code answer}, when a second model takes part. */
  static TurnOutcome finish(ActiveRun run, @Nullable String answer) {
    SecondModels second = run.runtime.second();
    String text = answer;
    if (second.output() != null) {
      boolean formats = run.output != null && second.parser() == null;
      run.emit(new RunEvent.OutputModelResponseStarted(run.scope, run.now()));
      List<Message> messages = forOutputModel(run);
      TurnOutcome outcome;
      if (formats) {
        outcome = structured(run, second.output(), messages, "output model");
      } else {
        text = written(run, second.output(), messages);
        outcome = run.output == null ? new TurnOutcome.FinalOutput(text, "str") : null;
      }
      run.emit(new RunEvent.OutputModelResponseCompleted(run.scope, run.now()));
      if (outcome != null) {
        return outcome;
      }
    }
    ChatModel parser = second.parser();
    if (parser == null || run.output == null) {
      return new TurnOutcome.FinalOutput(text, "str");
    }
    run.emit(new RunEvent.ParserModelResponseStarted(run.scope, run.now()));
    AnswerSettings settings = run.runtime.participant().answer();
    String system = settings.parserModelPrompt() == null ? PARSER_PROMPT : settings.parserModelPrompt();
    if (run.output.format().jsonMode()) {
      system += "\n" + run.output.jsonPrompt();
    }
    TurnOutcome outcome = structured(run, parser, List.of(Message.system(system), Message.user(text == null ? ""
        : text)), "parser model");
    run.emit(new RunEvent.ParserModelResponseCompleted(run.scope, run.now()));
    return outcome;
  }

  /**
   * The answer checked against the run's schema, emitted as the run's content: its JSON value, or the text as written
   * when {@code parse_response} is false. Null when it does not match.
   */
  static TurnOutcome.@Nullable FinalOutput accept(ActiveRun run, @Nullable String text) {
    OutputFormat format = run.output;
    OutputFormat.Checked checked = format.check(text);
    if (!checked.valid()) {
      return null;
    }
    // Implements parse_response: false keeps the answer as the text the model wrote.
    boolean parse = run.runtime.participant().answer().parseResponse();
    Object content = parse ? checked.value() : text;
    String contentType = parse ? format.contentType() : "str";
    run.emit(new RunEvent.RunContent(run.scope, run.now(), content, contentType, null));
    return new TurnOutcome.FinalOutput(content, contentType);
  }

  /** Asks {@code model} for a structured answer; one corrective retry when it does not match, then an error. */
  private static TurnOutcome structured(ActiveRun run, ChatModel model, List<Message> messages, String who) {
    List<Message> conversation = new ArrayList<>(messages);
    ResponseFormat format = run.output.format();
    for (int attempt = 0; ; attempt++) {
      ChatResponse response = call(run, model, conversation, format, StreamListener.NONE);
      if ("parser model".equals(who)) {
        run.add(Message.assistant(response.content(), null, List.of()), Metrics.of(response.usage(), 0, null));
      }
      TurnOutcome.FinalOutput done = accept(run, response.content());
      if (done != null) {
        return done;
      }
      List<String> problems = run.output.check(response.content()).problems();
      if (attempt > 0) {
        return new TurnOutcome.LimitReached("the " + who + "'s answer did not match output_schema after one "
            + "corrective retry: " + String.join("; ", problems));
      }
      conversation.add(Message.assistant(response.content(), null, List.of()));
      conversation.add(Message.user(OutputFormat.correction(problems)));
    }
  }

  /** The output model's free-text answer, streamed as the run's content when the run streams. */
  private static @Nullable String written(ActiveRun run, ChatModel model, List<Message> messages) {
    StreamListener deltas = new StreamListener() {
      @Override
      public void onContent(String delta) {
        run.emit(new RunEvent.RunContent(run.scope, run.now(), delta, "str", null));
      }
    };
    ChatResponse response = call(run, model, messages, null, run.stream ? deltas : null);
    if (!run.stream && response.content() != null) {
      run.emit(new RunEvent.RunContent(run.scope, run.now(), response.content(), "str", null));
    }
    return response.content();
  }

  private static ChatResponse call(ActiveRun run, ChatModel model, List<Message> messages,
      @Nullable ResponseFormat format, @Nullable StreamListener listener) {
    boolean stream = listener != null && listener != StreamListener.NONE;
    ChatResponse response = model.chat(new ChatRequest(messages, List.of(), null, format, stream, run.cancellation),
        listener == null ? StreamListener.NONE : listener);
    run.recordModelCall(response.usage(), null, null);
    return response;
  }

  /**
   * Agno's messages of the output model: the run's conversation without the main model's answer, its system message
   * replaced by {@code output_model_prompt} when that is set.
   */
  private static List<Message> forOutputModel(ActiveRun run) {
    List<Message> messages = new ArrayList<>(run.conversation());
    if (!messages.isEmpty() && messages.getLast().role() == Role.ASSISTANT) {
      messages.removeLast();
    }
    String prompt = withJsonPrompt(run, run.runtime.participant().answer().outputModelPrompt());
    if (run.runtime.participant().answer().outputModelPrompt() != null && prompt != null) {
      if (!messages.isEmpty() && messages.getFirst().role() == Role.SYSTEM) {
        messages.set(0, Message.system(prompt));
      } else {
        messages.addFirst(Message.system(prompt));
      }
    }
    return messages;
  }
}
