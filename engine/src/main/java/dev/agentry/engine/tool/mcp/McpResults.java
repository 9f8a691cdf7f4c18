package dev.agentry.engine.tool.mcp;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.tool.ToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;

/** Turns an MCP {@code tools/call} result into the text the model reads. */
final class McpResults {
  private McpResults() {}

  /**
   * Text contents as they are, one per line; structured content as JSON when there is no text; images and audio as a
   * short note of their type and size; resource links as {@code name: uri}; embedded text resources as their text.
   * {@code isError} makes it an error result.
   */
  static ToolResult of(McpSchema.CallToolResult result) {
    List<String> parts = new ArrayList<>();
    boolean hasText = false;
    List<McpSchema.Content> contents = result.content() == null ? List.of() : result.content();
    for (McpSchema.Content content : contents) {
      if (content instanceof McpSchema.TextContent text) {
        hasText = true;
        parts.add(text.text() == null ? "" : text.text());
      } else if (content instanceof McpSchema.ImageContent image) {
        parts.add("[image " + image.mimeType() + ", " + decodedSize(image.data()) + " bytes]");
      } else if (content instanceof McpSchema.AudioContent audio) {
        parts.add("[audio " + audio.mimeType() + ", " + decodedSize(audio.data()) + " bytes]");
      } else if (content instanceof McpSchema.ResourceLink link) {
        parts.add(link.name() + ": " + link.uri());
      } else if (content instanceof McpSchema.EmbeddedResource embedded) {
        parts.add(resource(embedded.resource()));
      } else {
        parts.add("[" + content.type() + " content]");
      }
    }
    if (!hasText && result.structuredContent() != null) {
      parts.add(0, Json.MAPPER.writeValueAsString(result.structuredContent()));
    }
    String text = String.join("\n", parts);
    return Boolean.TRUE.equals(result.isError()) ? ToolResult.error(text.isEmpty() ? "the tool failed" : text)
        : ToolResult.of(text);
  }

  private static String resource(McpSchema.ResourceContents resource) {
    if (resource instanceof McpSchema.TextResourceContents text) {
      return text.text() == null ? "" : text.text();
    }
    if (resource instanceof McpSchema.BlobResourceContents blob) {
      return "[resource " + blob.uri() + ", " + blob.mimeType() + ", " + decodedSize(blob.blob()) + " bytes]";
    }
    return "[resource " + resource.uri() + "]";
  }

  /** The size of base64 data once decoded, without decoding it. */
  static long decodedSize(String base64) {
    if (base64 == null || base64.isEmpty()) {
      return 0;
    }
    String data = base64.strip();
    int padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
    return (long) data.length() * 3 / 4 - padding;
  }
}
