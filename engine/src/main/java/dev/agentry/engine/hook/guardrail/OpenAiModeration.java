package dev.agentry.engine.hook.guardrail;

import dev.agentry.engine.hook.CheckTrigger;
import dev.agentry.engine.hook.HookContext;
import dev.agentry.engine.hook.InputCheckException;
import dev.agentry.engine.hook.RunHook;
import dev.agentry.engine.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code openai_moderation} guardrail (Agno's {@code OpenAIModerationGuardrail}): sends the input to OpenAI's
 * moderation endpoint and refuses it ({@code input_not_allowed}, with the endpoint's {@code categories} and
 * {@code category_scores}) when it is flagged in one of {@code raise_for_categories} (any category when unset).
 *
 * <p>Options: {@code model} ({@code omni-moderation-latest}), {@code raise_for_categories}, and where the endpoint is:
 * {@code model_resource} (a {@code Model} resource whose {@code base_url}, {@code api_key} and headers are used), or
 * {@code base_url} and {@code api_key} (by default OpenAI's, with {@code OPENAI_API_KEY}).
 */
public final class OpenAiModeration implements RunHook {
  /** The name YAML uses. */
  public static final String NAME = "openai_moderation";
  /** Agno's default moderation model. */
  public static final String DEFAULT_MODEL = "omni-moderation-latest";
  /** The categories OpenAI's moderation endpoint reports. */
  public static final List<String> CATEGORIES = List.of("sexual", "sexual/minors", "harassment",
      "harassment/threatening", "hate", "hate/threatening", "illicit", "illicit/violent", "self-harm",
      "self-harm/intent", "self-harm/instructions", "violence", "violence/graphic");
  private static final Set<String> KEYS = Set.of("model", "raise_for_categories", "model_resource", "base_url",
      "api_key");

  private final Settings settings;
  private final Client client;

  private OpenAiModeration(Settings settings, Client client) {
    this.settings = settings;
    this.client = client;
  }

  /** The guardrail set up by {@code options}, calling the endpoint through {@code client}. */
  public static OpenAiModeration of(JsonNode options, Client client) {
    return new OpenAiModeration(Settings.of(options), client);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String beforeRun(String input, HookContext context) {
    JsonNode result = client.moderate(settings, input);
    if (!result.path("flagged").asBoolean(false)) {
      return input;
    }
    JsonNode categories = result.path("categories");
    boolean raise = settings.raiseForCategories() == null
        || settings.raiseForCategories().stream().anyMatch(c -> categories.path(c).asBoolean(false));
    if (!raise) {
      return input;
    }
    Map<String, Object> found = new LinkedHashMap<>();
    found.put("categories", Json.MAPPER.convertValue(categories, Map.class));
    found.put("category_scores", Json.MAPPER.convertValue(result.path("category_scores"), Map.class));
    throw new InputCheckException("OpenAI moderation violation detected.", CheckTrigger.INPUT_NOT_ALLOWED, found);
  }

  /**
   * The guardrail's options.
   *
   * @param model the moderation model
   * @param raiseForCategories the categories that refuse the input; null for any
   * @param modelResource the {@code Model} resource whose connection settings are used, or null
   * @param baseUrl the endpoint's base URL, or null for OpenAI's (or the resource's)
   * @param apiKey the API key, or null for {@code OPENAI_API_KEY} (or the resource's)
   */
  public record Settings(String model, @Nullable List<String> raiseForCategories, @Nullable String modelResource,
      @Nullable String baseUrl, @Nullable String apiKey) {
    /**
     * Reads {@code options}.
     *
     * @throws IllegalArgumentException when an option is unknown or wrong
     */
    public static Settings of(JsonNode options) {
      GuardrailOptions o = new GuardrailOptions(NAME, options, KEYS);
      List<String> categories = o.texts("raise_for_categories");
      if (categories != null) {
        for (String c : categories) {
          if (!CATEGORIES.contains(c)) {
            throw new IllegalArgumentException("'" + c + "' is not a moderation category (the categories: "
                + String.join(", ", CATEGORIES) + ")");
          }
        }
      }
      String model = o.text("model");
      String resource = o.text("model_resource");
      if (resource != null && (o.text("base_url") != null || o.text("api_key") != null)) {
        throw new IllegalArgumentException("set model_resource or base_url and api_key, not both");
      }
      return new Settings(model == null ? DEFAULT_MODEL : model, categories == null ? null : List.copyOf(categories),
          resource, o.text("base_url"), o.text("api_key"));
    }
  }

  /** Calls the moderation endpoint; the engine gives one that speaks HTTP. */
  @FunctionalInterface
  public interface Client {
    /**
     * The first of the endpoint's {@code results} for {@code input}.
     *
     * @throws RuntimeException when the endpoint cannot be reached or fails (the run ends with the error)
     */
    JsonNode moderate(Settings settings, String input);
  }
}
