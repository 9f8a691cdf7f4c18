package dev.agentry.engine.llm.openai;

import dev.agentry.engine.llm.Media;
import dev.agentry.engine.llm.Message;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user message with media as Chat Completions content parts, as Agno's {@code OpenAIChat} sends them: files first
 * ({@code file} with {@code file_data} as a data: URL), then the text, images ({@code image_url} with the URL or a
 * data: URL) and audio ({@code input_audio} with base64 {@code data} and {@code format}). What can be sent was checked
 * before the run started ({@link dev.agentry.engine.model.MediaSupport}).
 */
final class OpenAiMediaParts {
  private OpenAiMediaParts() {}

  static ArrayNode of(Message message) {
    ArrayNode parts = JsonNodeFactory.instance.arrayNode();
    for (Media.File file : message.files()) {
      String type = file.mimeType() == null ? "application/pdf" : file.mimeType();
      parts.addObject().put("type", "file").putObject("file").put("filename", file.displayName())
          .put("file_data", "data:" + type + ";base64," + file.base64());
    }
    parts.addObject().put("type", "text").put("text", message.content() == null ? "" : message.content());
    for (Media.Image image : message.images()) {
      ObjectNode url = parts.addObject().put("type", "image_url").putObject("image_url");
      url.put("url", image.url() != null ? image.url() : "data:" + image.mediaType() + ";base64," + image.content());
      if (image.detail() != null) {
        url.put("detail", image.detail());
      }
    }
    for (Media.Audio audio : message.audio()) {
      parts.addObject().put("type", "input_audio").putObject("input_audio").put("data", audio.content())
          .put("format", audio.audioFormat());
    }
    return parts;
  }
}
