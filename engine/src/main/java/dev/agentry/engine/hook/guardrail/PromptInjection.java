package dev.agentry.engine.hook.guardrail;

import dev.agentry.engine.hook.CheckTrigger;
import dev.agentry.engine.hook.HookContext;
import dev.agentry.engine.hook.InputCheckException;
import dev.agentry.engine.hook.RunHook;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The {@code prompt_injection} guardrail (Agno's {@code PromptInjectionGuardrail}): refuses an input that contains,
 * ignoring case, one of its phrases ({@code prompt_injection}).
 *
 * <p>Options: {@code patterns} (replaces Agno's phrases), {@code extra_patterns} (added to them).
 */
public final class PromptInjection implements RunHook {
  /** The name YAML uses. */
  public static final String NAME = "prompt_injection";
  /** Agno's phrases ({@code agno/guardrails/prompt_injection.py}). */
  public static final List<String> DEFAULT_PATTERNS = List.of(
      "ignore previous instructions", "ignore your instructions", "you are now a", "forget everything above",
      "developer mode", "override safety", "disregard guidelines", "system prompt", "jailbreak", "act as if",
      "pretend you are", "roleplay as", "simulate being", "bypass restrictions", "ignore safeguards",
      "admin override", "root access", "forget everything");
  private static final Set<String> KEYS = Set.of("patterns", "extra_patterns");

  private final List<String> patterns;

  private PromptInjection(List<String> patterns) {
    this.patterns = patterns;
  }

  /**
   * The guardrail set up by {@code options}.
   *
   * @throws IllegalArgumentException when an option is unknown or not a list of strings
   */
  public static PromptInjection of(JsonNode options) {
    GuardrailOptions o = new GuardrailOptions(NAME, options, KEYS);
    List<String> base = o.texts("patterns");
    List<String> extra = o.texts("extra_patterns");
    List<String> all = new ArrayList<>(base == null ? DEFAULT_PATTERNS : base);
    if (extra != null) {
      all.addAll(extra);
    }
    // the input is lower-cased once; so are the phrases
    return new PromptInjection(all.stream().map(p -> p.toLowerCase(Locale.ROOT)).distinct().toList());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String beforeRun(String input, HookContext context) {
    check(input);
    return input;
  }

  /**
   * Checks {@code input}.
   *
   * @throws InputCheckException when it contains one of the phrases
   */
  public void check(String input) {
    String lower = input.toLowerCase(Locale.ROOT);
    for (String pattern : patterns) {
      if (lower.contains(pattern)) {
        throw new InputCheckException("Potential jailbreaking or prompt injection detected.",
            CheckTrigger.PROMPT_INJECTION, null);
      }
    }
  }
}
