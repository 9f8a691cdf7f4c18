package dev.agentry.engine.llm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One message of a conversation sent to or received from a model.
 *
 * @param content the text; null for an assistant message that only calls tools
 * @param reasoningContent the model's reasoning, when the provider returns it (never sent back to the model)
 * @param toolCalls the calls an assistant message asks for; empty otherwise
 * @param toolCallId for a tool message: the call it answers
 * @param toolName for a tool message: the function that produced it
 * @param toolError for a tool message: true when the content is an error the model should react to
 * @param images the images of a user message (Agno's {@code Message.images}); empty otherwise
 * @param audio the audio clips of a user message ({@code Message.audio})
 * @param videos the videos of a user message ({@code Message.videos})
 * @param files the files of a user message ({@code Message.files})
 * @param thinkingBlocks an assistant message's signed thinking blocks as the provider wrote them (Anthropic's
 *     {@code thinking} with its {@code signature}, {@code redacted_thinking}), sent back unchanged with it
 */
public record Message(
    Role role,
    @Nullable String content,
    @Nullable String reasoningContent,
    List<ToolCall> toolCalls,
    @Nullable String toolCallId,
    @Nullable String toolName,
    boolean toolError,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Media.Image> images,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Media.Audio> audio,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Media.Video> videos,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Media.File> files,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<JsonNode> thinkingBlocks) {
  public Message {
    toolCalls = List.copyOf(toolCalls);
    images = images == null ? List.of() : List.copyOf(images);
    audio = audio == null ? List.of() : List.copyOf(audio);
    videos = videos == null ? List.of() : List.copyOf(videos);
    files = files == null ? List.of() : List.copyOf(files);
    thinkingBlocks = thinkingBlocks == null ? List.of() : List.copyOf(thinkingBlocks);
  }

  /** A message without thinking blocks. */
  public Message(Role role, @Nullable String content, @Nullable String reasoningContent, List<ToolCall> toolCalls,
      @Nullable String toolCallId, @Nullable String toolName, boolean toolError, List<Media.Image> images,
      List<Media.Audio> audio, List<Media.Video> videos, List<Media.File> files) {
    this(role, content, reasoningContent, toolCalls, toolCallId, toolName, toolError, images, audio, videos, files,
        List.of());
  }

  /** A message without media. */
  public Message(Role role, @Nullable String content, @Nullable String reasoningContent, List<ToolCall> toolCalls,
      @Nullable String toolCallId, @Nullable String toolName, boolean toolError) {
    this(role, content, reasoningContent, toolCalls, toolCallId, toolName, toolError, List.of(), List.of(), List.of(),
        List.of());
  }

  public static Message system(String content) {
    return new Message(Role.SYSTEM, content, null, List.of(), null, null, false);
  }

  public static Message user(String content) {
    return new Message(Role.USER, content, null, List.of(), null, null, false);
  }

  /** A user message carrying media, each sorted into the list of its kind. */
  public static Message user(String content, List<? extends Media> media) {
    List<Media.Image> images = new ArrayList<>();
    List<Media.Audio> audio = new ArrayList<>();
    List<Media.Video> videos = new ArrayList<>();
    List<Media.File> files = new ArrayList<>();
    for (Media m : media) {
      switch (m) {
        case Media.Image i -> images.add(i);
        case Media.Audio a -> audio.add(a);
        case Media.Video v -> videos.add(v);
        case Media.File f -> files.add(f);
      }
    }
    return new Message(Role.USER, content, null, List.of(), null, null, false, images, audio, videos, files);
  }

  public static Message assistant(@Nullable String content, @Nullable String reasoning, List<ToolCall> toolCalls) {
    return new Message(Role.ASSISTANT, content, reasoning, toolCalls, null, null, false);
  }

  /** An assistant message with the provider's signed thinking blocks, to be sent back unchanged. */
  public static Message assistant(@Nullable String content, @Nullable String reasoning, List<ToolCall> toolCalls,
      List<JsonNode> thinkingBlocks) {
    return new Message(Role.ASSISTANT, content, reasoning, toolCalls, null, null, false, List.of(), List.of(),
        List.of(), List.of(), thinkingBlocks);
  }

  /** The result of one tool call, or its error when {@code error} is true. */
  public static Message tool(ToolCall call, String content, boolean error) {
    return new Message(Role.TOOL, content, null, List.of(), call.id(), call.name(), error);
  }

  /** This message with another role (a participant's {@code system_message_role} or {@code user_message_role}). */
  public Message withRole(Role other) {
    return other == role ? this : new Message(other, content, reasoningContent, toolCalls, toolCallId, toolName,
        toolError, images, audio, videos, files);
  }

  /** Every medium of the message: images, audio, videos, then files. */
  @JsonIgnore
  public List<Media> media() {
    if (images.isEmpty() && audio.isEmpty() && videos.isEmpty() && files.isEmpty()) {
      return List.of();
    }
    List<Media> all = new ArrayList<>(images);
    all.addAll(audio);
    all.addAll(videos);
    all.addAll(files);
    return List.copyOf(all);
  }
}
