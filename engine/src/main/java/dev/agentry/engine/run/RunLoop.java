package dev.agentry.engine.run;

import dev.agentry.engine.event.ComponentKind;
import dev.agentry.engine.event.MemberResponses;
import dev.agentry.engine.event.Metrics;
import dev.agentry.engine.event.ReasoningSteps;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.event.RunRequirement;
import dev.agentry.engine.event.RunStatus;
import dev.agentry.engine.event.ToolExecution;
import dev.agentry.engine.hook.CheckException;
import dev.agentry.engine.llm.ChatModel;
import dev.agentry.engine.llm.ChatRequest;
import dev.agentry.engine.llm.ChatResponse;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.llm.ModelException;
import dev.agentry.engine.llm.ResponseFormat;
import dev.agentry.engine.llm.StreamListener;
import dev.agentry.engine.model.LoopSettings;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The run loop, the only one in the project: ask the model, run the tools it calls, feed the results back, until
 * it answers, a tool stops the run, a call waits for a person, or the run is cancelled. Streaming first: the
 * blocking {@link Engine#run} collects the same events.
 */
final class RunLoop {
  private static final Logger LOG = LoggerFactory.getLogger(RunLoop.class);
  private static final String PAUSED_CONTENT = "I have tools to execute, but I need confirmation or input.";

  private RunLoop() {}

  /** Runs from {@code first} to an ending and returns the output; never throws for a failure of the run itself. */
  static RunOutput run(ActiveRun run, TurnOutcome first) {
    try {
      TurnOutcome outcome = first;
      while (true) {
        if (run.cancellation.isCancelled()) {
          return cancelled(run);
        }
        switch (outcome) {
          case TurnOutcome.Next next -> outcome = nextTurn(run);
          case TurnOutcome.CallTools calls -> outcome = ToolRunner.execute(run, calls.calls());
          case TurnOutcome.Correct correct -> {
            run.add(Message.user(correct.feedback()), null);
            outcome = nextTurn(run);
          }
          case TurnOutcome.FinalOutput done -> {
            TurnOutcome more = run.tasks == null ? null : TaskRounds.afterAnswer(run);
            if (more == null) {
              return completed(run, done.content(), done.contentType());
            }
            outcome = more;
          }
          case TurnOutcome.Stopped stopped -> {
            if (run.scope.kind() == ComponentKind.TEAM && stopped.content() != null) {
              // a member answered directly (respond_directly, route mode): its answer is the team's content
              run.emit(new RunEvent.RunContent(run.scope, run.now(), stopped.content(), "str", null));
            }
            return completed(run, stopped.content(), "str");
          }
          case TurnOutcome.Paused paused -> {
            return paused(run);
          }
          case TurnOutcome.LimitReached limit -> {
            return failed(run, limit.reason(), "LimitExceeded");
          }
        }
      }
    } catch (CheckException e) {
      return refused(run, e);
    } catch (ModelException e) {
      return e.cancelled() || run.cancellation.isCancelled() ? cancelled(run) : failed(run, e.getMessage(),
          "ModelProviderError");
    } catch (RuntimeException e) {
      LOG.warn("run {} of {} {} failed", run.scope.runId(), run.scope.kind().wireName(), run.runtime.id(), e);
      return failed(run, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), "RunError");
    }
  }

  private static TurnOutcome nextTurn(ActiveRun run) {
    int maxTurns = run.runtime.participant().limits().maxTurns();
    if (run.turns >= maxTurns) {
      return new TurnOutcome.LimitReached("the run reached its limit of " + maxTurns + " model requests (max_turns) "
          + "before the model gave an answer");
    }
    run.turns++;
    ChatResponse response = callModel(run);
    if (!response.toolCalls().isEmpty()) {
      if (response.content() != null && !response.content().isBlank()) {
        run.emit(new RunEvent.RunIntermediateContent(run.scope, run.now(), response.content(), "str"));
      }
      return new TurnOutcome.CallTools(response.toolCalls());
    }
    if (response.refusal() != null && response.content() == null) {
      return new TurnOutcome.FinalOutput(response.refusal(), "str");
    }
    if (!AnswerModels.mainAnswers(run)) {
      return AnswerModels.finish(run, response.content());
    }
    return run.output == null ? new TurnOutcome.FinalOutput(response.content(), "str") : structured(run, response);
  }

  /** Checks a structured answer; one corrective turn when it does not match the schema, then an error. */
  private static TurnOutcome structured(ActiveRun run, ChatResponse response) {
    TurnOutcome.FinalOutput done = AnswerModels.accept(run, response.content());
    if (done != null) {
      return done;
    }
    List<String> problems = run.output.check(response.content()).problems();
    if (!run.corrected) {
      run.corrected = true;
      return new TurnOutcome.Correct(OutputFormat.correction(problems));
    }
    return new TurnOutcome.LimitReached("the model's answer did not match output_schema after one corrective retry: "
        + String.join("; ", problems));
  }

  private static ChatResponse callModel(ActiveRun run) {
    ChatModel model = run.runtime.chatModel();
    LoopSettings loop = run.runtime.participant().loop();
    // a forced call ("required" or one named function), once made, must not force every later turn too
    JsonNode toolChoice = run.toolCalls > 0 && forcesCall(loop.toolChoice()) ? null : loop.toolChoice();
    // the main model is asked for the run's format only when no second model makes the final answer
    ResponseFormat format = run.output == null || !AnswerModels.mainAnswers(run) ? null : run.output.format();
    boolean streamDeltas = run.stream && format == null;
    Compression.beforeModelCall(run);
    ChatRequest request = new ChatRequest(run.conversation(), run.runtime.definitions(), toolChoice, format,
        run.stream, run.cancellation);
    int retries = loop.retries();
    for (int attempt = 0; ; attempt++) {
      run.emit(new RunEvent.ModelRequestStarted(run.scope, run.now(), run.runtime.chatModelId(),
          run.runtime.provider()));
      Deltas deltas = new Deltas(run, streamDeltas);
      DebugLog.request(run, request);
      try {
        ChatResponse response = model.chat(request, deltas);
        double duration = (System.nanoTime() - deltas.start) / 1e9;
        Metrics metrics = Metrics.of(response.usage(), duration, deltas.firstToken());
        run.recordModelCall(response.usage(), deltas.firstToken(), response.reasoningContent());
        DebugLog.response(run, response, metrics);
        run.add(response.toMessage(), metrics);
        if (!streamDeltas && response.content() != null && format == null && response.toolCalls().isEmpty()) {
          run.emit(AnswerModels.intermediate(run)
              ? new RunEvent.RunIntermediateContent(run.scope, run.now(), response.content(), "str")
              : new RunEvent.RunContent(run.scope, run.now(), response.content(), "str", response.reasoningContent()));
        }
        deltas.endReasoning(response.reasoningContent());
        run.emit(new RunEvent.ModelRequestCompleted(run.scope, run.now(), run.runtime.chatModelId(),
            run.runtime.provider(), response.usage().inputTokens(), response.usage().outputTokens(),
            response.usage().totalTokens(), deltas.firstToken(), response.usage().reasoningTokens(),
            response.usage().cacheReadTokens(), response.usage().cacheWriteTokens()));
        return response;
      } catch (ModelException e) {
        if (e.cancelled() || !e.retryable() || attempt >= retries || deltas.delivered) {
          throw e;
        }
        Duration delay = loop.retryDelay(attempt);
        LOG.info("model call of run {} failed ({}); retrying in {} ms", run.scope.runId(), e.getMessage(),
            delay.toMillis());
        if (run.cancellation.await(delay)) {
          throw ModelException.cancelled(model.provider());
        }
      }
    }
  }

  private static boolean forcesCall(@Nullable JsonNode toolChoice) {
    return toolChoice != null && (!toolChoice.isString() || "required".equals(toolChoice.stringValue()));
  }

  /** Turns streamed deltas into events and times the first token. */
  private static final class Deltas implements StreamListener {
    final long start = System.nanoTime();
    private final ActiveRun run;
    private final boolean emitContent;
    private long firstTokenNanos;
    private boolean reasoning;
    boolean delivered;

    Deltas(ActiveRun run, boolean emitContent) {
      this.run = run;
      this.emitContent = emitContent;
    }

    @Override
    public void onContent(String delta) {
      mark();
      if (emitContent) {
        delivered = true;
        // the main model's content is intermediate when an output model writes the final answer (Agno)
        run.emit(AnswerModels.intermediate(run) ? new RunEvent.RunIntermediateContent(run.scope, run.now(), delta,
            "str") : new RunEvent.RunContent(run.scope, run.now(), delta, "str", null));
      }
    }

    @Override
    public void onReasoning(String delta) {
      mark();
      if (!reasoning) {
        reasoning = true;
        run.emit(new RunEvent.ReasoningStarted(run.scope, run.now()));
      }
      delivered = true;
      run.emit(new RunEvent.ReasoningContentDelta(run.scope, run.now(), delta));
    }

    void endReasoning(@Nullable String reasoningContent) {
      if (reasoningContent == null) {
        return;
      }
      if (!reasoning) {
        run.emit(new RunEvent.ReasoningStarted(run.scope, run.now()));
      }
      run.emit(new RunEvent.ReasoningStep(run.scope, run.now(), reasoningContent, "str", reasoningContent, null));
      run.emit(new RunEvent.ReasoningCompleted(run.scope, run.now(), reasoningContent, "str", null));
    }

    private void mark() {
      if (firstTokenNanos == 0) {
        firstTokenNanos = System.nanoTime();
      }
    }

    @Nullable Double firstToken() {
      return firstTokenNanos == 0 ? null : (firstTokenNanos - start) / 1e9;
    }
  }

  private static RunOutput completed(ActiveRun run, @Nullable Object output, String contentType) {
    run.emit(new RunEvent.RunContentCompleted(run.scope, run.now()));
    Object content = run.runtime.hooks().after(run, output); // post_hooks, on the output before it is returned
    MemoryUpdate.complete(run);
    SessionSummaries.afterCompleted(run); // the post-run steps, before RunCompleted as in Agno
    ResponseFiles.save(run, content);
    List<RunOutput> members = run.memberResponses();
    List<ReasoningSteps.Step> steps = run.reasoningSteps().isEmpty() ? null : run.reasoningSteps();
    return run.end(RunStatus.COMPLETED, content, contentType, new RunEvent.RunCompleted(run.scope, run.now(), content,
        contentType, run.reasoning(), run.referencesOrNull(), steps, steps == null ? null : run.reasoningMessagesJson(),
        ReasoningSteps.ExtraData.of(steps, run.referencesOrNull()), run.metadata, run.metrics(),
        run.sessionStateSnapshot(),
        members.isEmpty() ? null : MemberResponses.lazy(() -> MemberJson.of(members))));
  }

  private static RunOutput paused(ActiveRun run) {
    if (run.tasks != null) { // the task list waits with the run, in its session state, until it is continued
      run.sessionState.put(TaskBoard.STATE_KEY, run.tasks.toState(run.iteration));
    }
    run.emit(new RunEvent.RunContentCompleted(run.scope, run.now()));
    MemoryUpdate.complete(run);
    List<RunRequirement> requirements = run.toOutput(RunStatus.PAUSED, PAUSED_CONTENT, "str").requirements();
    List<ToolExecution> waiting = requirements.stream().map(RunRequirement::toolExecution).toList();
    return run.end(RunStatus.PAUSED, PAUSED_CONTENT, "str",
        new RunEvent.RunPaused(run.scope, run.now(), PAUSED_CONTENT, waiting, requirements));
  }

  private static RunOutput cancelled(ActiveRun run) {
    if (run.timedOut) {
      return failed(run, "the run took longer than its limit of "
          + run.runtime.participant().limits().timeout().toMillis() / 1000.0 + " seconds (timeout_seconds)",
          "LimitExceeded");
    }
    String reason = "Run " + run.scope.runId() + " was cancelled";
    return run.end(RunStatus.CANCELLED, reason, "str", new RunEvent.RunCancelled(run.scope, run.now(), reason, null));
  }

  private static RunOutput failed(ActiveRun run, String message, String type) {
    return run.end(RunStatus.ERROR, message, "str", new RunEvent.RunError(run.scope, run.now(), message, type, null,
        null));
  }

  /**
   * Ends the run refused by a guardrail or hook, as Agno ends it on {@code InputCheckError}/{@code OutputCheckError}:
   * RunError with the check's type, trigger and data; the run's content is the message (a refused output is not
   * kept).
   */
  static RunOutput refused(ActiveRun run, CheckException e) {
    return run.end(RunStatus.ERROR, e.getMessage(), "str", new RunEvent.RunError(run.scope, run.now(), e.getMessage(),
        e.type(), e.checkTrigger(), e.additionalData()));
  }
}
