package dev.agentry.server.http.dto;

import dev.agentry.engine.model.ModelDef;

/**
 * The model of an agent or team, as Agno's {@code ModelResponse}: {@code name} is Agno's model class
 * ({@code OpenAIChat}, {@code Claude}, ...), {@code model} the model id and {@code provider} Agno's provider name
 * ({@code OpenAI}, {@code Anthropic}, ...).
 */
public record ModelResponse(String name, String model, String provider) {
  public static ModelResponse of(ModelDef model) {
    return new ModelResponse(model.className(), model.reportedId(), model.providerName());
  }
}
