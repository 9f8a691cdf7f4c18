package dev.agentry.engine.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model providers a spec may name, in {@code provider:model_id} strings and in {@code Model} resources.
 *
 * <p>{@code openai} and {@code anthropic} are the two wire formats; {@code scripted} replies from YAML (offline);
 * the others are OpenAI-compatible services, reached with the {@code openai} client at their usual base URL.
 * Mirrors the enum of {@code schemas/model.schema.json#/properties/spec/properties/provider}.
 */
public final class Providers {
  /** Every provider name, in the order they are documented. */
  public static final List<String> KNOWN = List.of(
      "openai", "anthropic", "scripted", "ollama", "openrouter", "groq", "deepseek", "together", "vllm", "lmstudio",
      "azure");

  private static final Map<String, String> DEFAULT_BASE_URLS = Map.of(
      "openai", "https://api.openai.com/v1",
      "anthropic", "https://api.anthropic.com",
      "ollama", "http://localhost:11434/v1",
      "openrouter", "https://openrouter.ai/api/v1",
      "groq", "https://api.groq.com/openai/v1",
      "deepseek", "https://api.deepseek.com/v1",
      "together", "https://api.together.xyz/v1",
      "vllm", "http://localhost:8000/v1",
      "lmstudio", "http://localhost:1234/v1");

  /** The providers without an embeddings API: the others speak OpenAI's {@code /embeddings}. */
  private static final java.util.Set<String> WITHOUT_EMBEDDINGS = java.util.Set.of("anthropic", "scripted");

  private Providers() {}

  /** True when {@code provider} can embed text (a Knowledge's embedder): openai and the OpenAI-compatible ones. */
  public static boolean hasEmbeddings(String provider) {
    return isKnown(provider) && !WITHOUT_EMBEDDINGS.contains(provider);
  }

  /** True when {@code name} is a provider this release knows. */
  public static boolean isKnown(String name) {
    return KNOWN.contains(name);
  }

  /** The base URL used when a model does not set {@code base_url}; empty for scripted and Azure (which needs one). */
  public static Optional<String> defaultBaseUrl(String provider) {
    return Optional.ofNullable(DEFAULT_BASE_URLS.get(provider));
  }
}
