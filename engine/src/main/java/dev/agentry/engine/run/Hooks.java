package dev.agentry.engine.run;

import dev.agentry.engine.EngineException;
import dev.agentry.engine.event.RunEvent;
import dev.agentry.engine.hook.CheckException;
import dev.agentry.engine.hook.HookContext;
import dev.agentry.engine.hook.RunHook;
import dev.agentry.engine.hook.guardrail.Guardrails;
import dev.agentry.engine.hook.guardrail.OpenAiModeration;
import dev.agentry.engine.llm.Cancellation;
import dev.agentry.engine.llm.openai.OpenAiModerations;
import dev.agentry.engine.model.HookDef;
import dev.agentry.engine.model.HookSettings;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The pre and post hooks of an agent or team leader, ready to run (implements {@code pre_hooks}, {@code post_hooks}
 * and AgentOS {@code run_hooks_in_background}), as Agno's {@code _execute_pre_hooks}/{@code _execute_post_hooks} run
 * them: in order, each between {@code PreHookStarted}/{@code PreHookCompleted} (or {@code PostHook*}); a
 * {@link CheckException} ends the run, any other failure is logged and the run goes on.
 */
final class Hooks {
  private static final Logger LOG = LoggerFactory.getLogger(Hooks.class);
  static final Hooks NONE = new Hooks(List.of(), List.of(), false);

  private final List<Bound> pre;
  private final List<Bound> post;
  private final boolean background;

  private Hooks(List<Bound> pre, List<Bound> post, boolean background) {
    this.pre = pre;
    this.post = post;
    this.background = background;
  }

  /** One hook with its options. */
  private record Bound(String name, boolean guardrail, RunHook hook, JsonNode options) {}

  /**
   * Prepares {@code settings}: the guardrails are set up from their options, the plugin hooks looked up.
   *
   * @throws EngineException when a plugin hook is not registered or a guardrail's options are wrong
   */
  static Hooks prepare(HookSettings settings, EngineConfig config) {
    if (settings.isEmpty()) {
      return NONE;
    }
    return new Hooks(bind(settings.pre(), config), bind(settings.post(), config), settings.background());
  }

  private static List<Bound> bind(List<HookDef> defs, EngineConfig config) {
    List<Bound> bound = new ArrayList<>(defs.size());
    for (HookDef def : defs) {
      if (def.guardrail()) {
        try {
          bound.add(new Bound(def.name(), true, Guardrails.create(def.name(), def.options(),
              moderation(def, config)), def.options()));
        } catch (IllegalArgumentException e) {
          throw new EngineException(e.getMessage());
        }
      } else {
        RunHook hook = config.extensions().runHook(def.name());
        if (hook == null) {
          throw new EngineException("no hook is named '" + def.name() + "': load the plugin that registers it");
        }
        bound.add(new Bound(def.name(), false, hook, def.options()));
      }
    }
    return List.copyOf(bound);
  }

  /** The moderation client of an {@code openai_moderation} guardrail: its model resource, or its own settings. */
  private static OpenAiModeration.Client moderation(HookDef def, EngineConfig config) {
    return (settings, input) -> OpenAiModerations.create(def.model(), settings.baseUrl(), settings.apiKey(),
        config.http(), config.env()).moderate(settings.model(), input, Cancellation.create());
  }

  /**
   * Runs the pre-hooks on the run's input, after the session is loaded and before the model is called.
   *
   * @return the input to run with (changed by a masking guardrail)
   * @throws CheckException when a hook refuses the input
   */
  String before(ActiveRun run, String input) {
    String current = input;
    for (Bound b : pre) {
      run.emit(new RunEvent.PreHookStarted(run.scope, run.now(), b.name(), new RunOutput.RunInput(current)));
      try {
        current = b.hook().beforeRun(current, context(run, b, current));
      } catch (CheckException e) {
        LOG.info("run {}: {} refused the input: {} (check trigger {})", run.scope.runId(), b.name(), e.getMessage(),
            e.checkTrigger());
        throw e;
      } catch (Exception e) {
        LOG.warn("run {}: pre-hook {} failed; the run goes on", run.scope.runId(), b.name(), e);
        continue;
      }
      run.emit(new RunEvent.PreHookCompleted(run.scope, run.now(), b.name(), new RunOutput.RunInput(current)));
    }
    return current;
  }

  /**
   * Runs the post-hooks on the run's output before it is returned; with {@code run_hooks_in_background} the hooks
   * that are not guardrails run after it, on a thread of their own, their failures logged.
   *
   * @return the content to return
   * @throws CheckException when a hook refuses the output
   */
  @Nullable Object after(ActiveRun run, @Nullable Object content) {
    Object current = content;
    List<Bound> later = new ArrayList<>(0);
    for (Bound b : post) {
      if (background && !b.guardrail()) {
        later.add(b);
        continue;
      }
      run.emit(new RunEvent.PostHookStarted(run.scope, run.now(), b.name()));
      try {
        current = b.hook().afterRun(current, context(run, b, run.inputText()));
      } catch (CheckException e) {
        LOG.info("run {}: {} refused the output: {} (check trigger {})", run.scope.runId(), b.name(), e.getMessage(),
            e.checkTrigger());
        throw e;
      } catch (Exception e) {
        LOG.warn("run {}: post-hook {} failed; the run goes on", run.scope.runId(), b.name(), e);
        continue;
      }
      run.emit(new RunEvent.PostHookCompleted(run.scope, run.now(), b.name()));
    }
    if (!later.isEmpty()) {
      Object output = current;
      List<HookContext> contexts = later.stream().map(b -> context(run, b, run.inputText())).toList();
      Thread.ofVirtual().name("hooks-" + run.scope.runId()).start(() -> {
        for (int i = 0; i < later.size(); i++) {
          try {
            later.get(i).hook().afterRun(output, contexts.get(i));
          } catch (Exception | LinkageError e) {
            LOG.warn("run {}: background post-hook {} failed", contexts.get(i).runId(), later.get(i).name(), e);
          }
        }
      });
    }
    return current;
  }

  private static HookContext context(ActiveRun run, Bound b, String input) {
    return new HookContext(b.options(), run.scope.kind().wireName(), run.runtime.id(), run.scope.runId(),
        run.scope.sessionId(), run.userId, input);
  }
}
