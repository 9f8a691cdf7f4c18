package dev.agentry.engine.model;

import dev.agentry.engine.spec.ModelSpec;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A resolved model: the provider and model id an agent or team calls, plus the {@code Model} resource's settings
 * when it named one (null for a plain {@code provider:model_id} string, which uses the provider's defaults).
 *
 * @param resource the name of the {@code Model} resource, or null for an inline string
 */
public record ModelDef(@Nullable String resource, String provider, String modelId, @Nullable ModelSpec spec) {
  /** A model given inline as {@code provider:model_id}. */
  public static ModelDef of(String reference) {
    int colon = reference.indexOf(':');
    return new ModelDef(null, reference.substring(0, colon), reference.substring(colon + 1), null);
  }

  /** The model id as runs report it: the provider's model id, or the provider when it has none (scripted). */
  public String reportedId() {
    return modelId.isEmpty() ? provider : modelId;
  }

  /** Agno's name of the provider ({@code Model.provider}: "OpenAI", "Anthropic", ...), as Agno's API reports it. */
  public String providerName() {
    return switch (provider) {
      case "openai" -> "OpenAI";
      case "anthropic" -> "Anthropic";
      case "azure" -> "Azure";
      default -> className();
    };
  }

  /** Agno's class name of the model ({@code Model.name} unless set: "OpenAIChat", "Claude", ...). */
  public String className() {
    return switch (provider) {
      case "openai" -> "OpenAIChat";
      case "anthropic" -> "Claude";
      case "azure" -> "AzureOpenAI";
      case "ollama" -> "Ollama";
      case "openrouter" -> "OpenRouter";
      case "groq" -> "Groq";
      case "deepseek" -> "DeepSeek";
      case "together" -> "Together";
      case "vllm" -> "VLLM";
      case "lmstudio" -> "LMStudio";
      case "scripted" -> "Scripted";
      default -> provider;
    };
  }

  /**
   * The media this model takes as input: the {@code Model} resource's {@code input_media}, else its provider's
   * default ({@link MediaSupport#defaults}).
   */
  public Set<MediaKind> inputMedia() {
    if (spec == null || spec.inputMedia() == null) {
      return MediaSupport.defaults(provider);
    }
    Set<MediaKind> kinds = EnumSet.noneOf(MediaKind.class);
    spec.inputMedia().forEach(name -> MediaKind.of(name).ifPresent(kinds::add));
    return Collections.unmodifiableSet(kinds);
  }

  /** "provider:model_id", for logs and the API's {@code model} fields. */
  public String qualifiedName() {
    return provider + ":" + modelId;
  }
}
