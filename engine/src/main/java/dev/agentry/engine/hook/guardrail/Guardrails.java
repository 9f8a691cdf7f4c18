package dev.agentry.engine.hook.guardrail;

import dev.agentry.engine.hook.RunHook;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The built-in guardrails by their YAML name ({@code schemas/agent.schema.json#/$defs/hook/properties/guardrail}).
 */
public final class Guardrails {
  /** The names of the built-in guardrails. */
  public static final List<String> NAMES = List.of(PiiDetection.NAME, PromptInjection.NAME, OpenAiModeration.NAME);

  private Guardrails() {}

  /**
   * The guardrail {@code name} set up by {@code options}.
   *
   * @param moderation how {@code openai_moderation} reaches the moderation endpoint
   * @throws IllegalArgumentException when the name is not a guardrail's or an option is wrong
   */
  public static RunHook create(String name, JsonNode options, OpenAiModeration.Client moderation) {
    return switch (name) {
      case PiiDetection.NAME -> PiiDetection.of(options);
      case PromptInjection.NAME -> PromptInjection.of(options);
      case OpenAiModeration.NAME -> OpenAiModeration.of(options, moderation);
      default -> throw new IllegalArgumentException("no guardrail is named '" + name + "'");
    };
  }

  /**
   * Checks {@code options} of the guardrail {@code name} without opening anything.
   *
   * @throws IllegalArgumentException when the name is not a guardrail's or an option is wrong
   */
  public static void check(String name, JsonNode options) {
    switch (name) {
      case PiiDetection.NAME -> PiiDetection.of(options);
      case PromptInjection.NAME -> PromptInjection.of(options);
      case OpenAiModeration.NAME -> OpenAiModeration.Settings.of(options);
      default -> throw new IllegalArgumentException("no guardrail is named '" + name + "'");
    }
  }
}
