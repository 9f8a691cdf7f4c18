package dev.agentry.engine.run;

import dev.agentry.engine.llm.Media;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What one run is asked to do: the input and the per-request settings of Agno's {@code Agent.run()}.
 *
 * <p>Build it with {@link #of(String)} for plain text, or {@link #create(Consumer)} for the rest:
 * {@code RunRequest.create(r -> r.input("hi").sessionId("s1").userId("ada"))}.
 *
 * @param input the user's message: a JSON string for text, or any JSON value for structured input
 * @param runId the id to give the run; null to generate one
 * @param sessionId the session to run in; null to start a new one
 * @param sessionState merged over the stored state (request keys win)
 * @param dependencies values for {@code {key}} templates and, when the agent adds them, the context
 * @param metadata stored with the run and available to templates
 * @param outputSchema overrides the agent's {@code output_schema} for this run
 * @param stream true to stream the model's answer (deltas as {@code RunContent} events)
 * @param streamEvents null for the agent's {@code stream_events}; false to emit only content and final events
 * @param media images, audio, videos and files sent with the input, on the user message; a run whose model does
 *     not take one of them is refused before it starts ({@link dev.agentry.engine.model.MediaSupport})
 */
public record RunRequest(
    JsonNode input,
    @Nullable String runId,
    @Nullable String sessionId,
    @Nullable String userId,
    @Nullable Map<String, Object> sessionState,
    @Nullable Map<String, Object> dependencies,
    @Nullable Map<String, Object> metadata,
    @Nullable JsonNode outputSchema,
    boolean stream,
    @Nullable Boolean streamEvents,
    List<Media> media) {
  public RunRequest {
    media = List.copyOf(media);
  }

  /** A streamed run of a plain text message in a new session. */
  public static RunRequest of(String message) {
    return new RunRequest(JsonNodeFactory.instance.stringNode(message), null, null, null, null, null, null, null,
        true, null, List.of());
  }

  /** A request built by {@code config}, starting from an empty text input. */
  public static RunRequest create(Consumer<Builder> config) {
    Builder builder = new Builder();
    config.accept(builder);
    return builder.build();
  }

  /** The input as the text the model reads: the string itself, or the JSON text of structured input. */
  public String inputText() {
    return input.isString() ? input.stringValue() : input.toString();
  }

  /** Collects the optional fields of a {@link RunRequest}. */
  public static final class Builder {
    private JsonNode input = JsonNodeFactory.instance.stringNode("");
    private @Nullable String runId;
    private @Nullable String sessionId;
    private @Nullable String userId;
    private @Nullable Map<String, Object> sessionState;
    private @Nullable Map<String, Object> dependencies;
    private @Nullable Map<String, Object> metadata;
    private @Nullable JsonNode outputSchema;
    private boolean stream = true;
    private @Nullable Boolean streamEvents;
    private List<Media> media = List.of();

    private Builder() {}

    public Builder input(String text) {
      this.input = JsonNodeFactory.instance.stringNode(text);
      return this;
    }

    public Builder input(JsonNode json) {
      this.input = json;
      return this;
    }

    public Builder runId(@Nullable String runId) {
      this.runId = runId;
      return this;
    }

    public Builder sessionId(@Nullable String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    public Builder userId(@Nullable String userId) {
      this.userId = userId;
      return this;
    }

    public Builder sessionState(@Nullable Map<String, Object> sessionState) {
      this.sessionState = sessionState;
      return this;
    }

    public Builder dependencies(@Nullable Map<String, Object> dependencies) {
      this.dependencies = dependencies;
      return this;
    }

    public Builder metadata(@Nullable Map<String, Object> metadata) {
      this.metadata = metadata;
      return this;
    }

    public Builder outputSchema(@Nullable JsonNode outputSchema) {
      this.outputSchema = outputSchema;
      return this;
    }

    public Builder stream(boolean stream) {
      this.stream = stream;
      return this;
    }

    public Builder streamEvents(@Nullable Boolean streamEvents) {
      this.streamEvents = streamEvents;
      return this;
    }

    /** The images, audio, videos and files sent with the input. */
    public Builder media(List<? extends Media> media) {
      this.media = List.copyOf(media);
      return this;
    }

    public RunRequest build() {
      return new RunRequest(input, runId, sessionId, userId, sessionState, dependencies, metadata, outputSchema,
          stream, streamEvents, media);
    }
  }
}
