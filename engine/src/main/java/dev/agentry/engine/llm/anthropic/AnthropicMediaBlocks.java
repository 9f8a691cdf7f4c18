package dev.agentry.engine.llm.anthropic;

import dev.agentry.engine.llm.Media;
import dev.agentry.engine.llm.Message;
import dev.agentry.engine.model.MediaSupport;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A user message with media as Messages content blocks, as Agno's {@code Claude} sends them: the text, then
 * {@code image} blocks (source {@code url}, or {@code base64} with {@code media_type} and {@code data}), then
 * {@code document} blocks (a PDF by {@code url} or {@code base64}; text, JSON and code as a {@code text} source with
 * media type text/plain, the only one Anthropic takes for text). What can be sent was checked before the run started
 * ({@link MediaSupport}).
 */
final class AnthropicMediaBlocks {
  private AnthropicMediaBlocks() {}

  static ArrayNode of(Message message) {
    ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
    String text = message.content() == null ? "" : message.content();
    if (!text.isEmpty()) { // Anthropic rejects empty text blocks
      blocks.addObject().put("type", "text").put("text", text);
    }
    for (Media.Image image : message.images()) {
      source(blocks.addObject().put("type", "image"), image, image.mediaType());
    }
    for (Media.File file : message.files()) {
      ObjectNode document = blocks.addObject().put("type", "document");
      if (file.url() == null && MediaSupport.isText(file.mimeType())) {
        document.putObject("source").put("type", "text").put("media_type", "text/plain").put("data", file.text());
      } else {
        source(document, file, file.mimeType() == null ? "application/pdf" : file.mimeType());
      }
    }
    return blocks;
  }

  private static void source(ObjectNode block, Media media, String mediaType) {
    ObjectNode source = block.putObject("source");
    if (media.url() != null) {
      source.put("type", "url").put("url", media.url());
    } else {
      source.put("type", "base64").put("media_type", mediaType).put("data", media.base64());
    }
  }
}
