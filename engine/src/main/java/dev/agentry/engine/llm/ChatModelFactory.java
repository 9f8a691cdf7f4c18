package dev.agentry.engine.llm;

import dev.agentry.engine.model.ModelDef;
import java.net.http.HttpClient;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link ChatModel} of one provider from a compiled model; registered by provider name in
 * {@link dev.agentry.engine.Builtins}.
 */
@FunctionalInterface
public interface ChatModelFactory {
  /**
   * Creates the client.
   *
   * @param model the provider, model id and the {@code Model} resource's settings (null spec for an inline
   *     {@code provider:model_id}, which uses the provider's defaults and its usual API key variable)
   * @param http the shared HTTP client
   * @param env reads environment variables (the API key of an inline model); returns null when unset
   */
  ChatModel create(ModelDef model, HttpClient http, Function<String, @Nullable String> env);
}
