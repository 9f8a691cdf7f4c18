package dev.agentry.server.http;

import dev.agentry.engine.llm.Media;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The media JSON form fields of a run ({@code agentos-api.md} §2.5.1): {@code images}, {@code audio},
 * {@code videos} and {@code input_files} (what Agno's {@code AgentOSClient} sends; {@code files} as a JSON text field
 * is read the same), each a JSON list of media dicts as {@code Image/Audio/Video/File.to_dict()} writes them.
 *
 * <p>Each dict gives exactly one of {@code url} (http, https, or a {@code data:} URL, which is read as content) and
 * {@code content} (base64; the text itself for a {@code text/*} file). {@code filepath} is refused: a client must
 * not make the server read its own files. A field that is not JSON is a 400; a dict that breaks these rules is a 422
 * naming the field, the index and the rule.
 */
final class MediaFields {
  /** Form field → media kind, in the order the media are put on the message. */
  private static final Map<String, String> FIELDS = linked("images", "image", "audio", "audio", "videos", "video",
      "input_files", "file", "files", "file");

  private MediaFields() {}

  /** The media of every media field of {@code form}. */
  static List<Media> of(Forms form) {
    List<Media> media = new ArrayList<>();
    for (Map.Entry<String, String> field : FIELDS.entrySet()) {
      JsonNode list = form.json(field.getKey());
      if (list == null || list.isNull()) {
        continue;
      }
      if (!list.isArray()) {
        throw invalid(field.getKey(), null, "list_type", "Input should be a valid list of media objects");
      }
      for (int i = 0; i < list.size(); i++) {
        media.add(medium(field.getKey(), i, field.getValue(), list.get(i)));
      }
    }
    return media;
  }

  private static Media medium(String field, int index, String kind, JsonNode item) {
    if (!item.isObject()) {
      throw invalid(field, index, "dict_type", "Input should be a valid dictionary");
    }
    if (item.has("filepath") && !item.get("filepath").isNull()) {
      throw invalid(field, index, "value_error",
          "'filepath' is not accepted over HTTP: send the content (base64) or a url");
    }
    String url = text(field, index, item, "url");
    String content = text(field, index, item, "content");
    String mimeType = text(field, index, item, "mime_type");
    if ((url == null) == (content == null)) {
      throw invalid(field, index, "value_error", url == null ? "One of 'url' or 'content' must be provided"
          : "Only one of 'url' or 'content' should be provided");
    }
    if (url != null && url.regionMatches(true, 0, "data:", 0, 5)) {
      DataUrl data = DataUrl.parse(url).orElseThrow(() -> invalid(field, index, "value_error",
          "'url' is a data: URL that is not base64 ('data:<type>;base64,<data>')"));
      url = null;
      content = data.base64();
      mimeType = mimeType != null ? mimeType : data.mimeType();
    } else if (url != null) {
      checkUrl(field, index, url);
    }
    boolean rawText = kind.equals("file") && mimeType != null && mimeType.startsWith("text/");
    if (content != null && !rawText) {
      content = base64(field, index, content);
    }
    if (kind.equals("file") && mimeType != null && !Uploads.DOCUMENT_TYPES.contains(mimeType)) {
      throw invalid(field, index, "value_error", "Invalid MIME type: " + mimeType + ". Must be one of: "
          + String.join(", ", Uploads.DOCUMENT_TYPES));
    }
    String id = text(field, index, item, "id");
    String format = text(field, index, item, "format");
    return switch (kind) {
      case "image" -> new Media.Image(id, url, content, mimeType, format, text(field, index, item, "detail"));
      case "audio" -> new Media.Audio(id, url, content, mimeType, format);
      case "video" -> new Media.Video(id, url, content, mimeType, format);
      default -> new Media.File(id, url, content, mimeType, format, text(field, index, item, "filename"),
          text(field, index, item, "name"), item.path("size").isIntegralNumber() ? item.get("size").asLong() : null);
    };
  }

  private static @Nullable String text(String field, int index, JsonNode item, String key) {
    JsonNode value = item.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw invalid(field, index, "string_type", "'" + key + "' should be a valid string");
    }
    return value.asString();
  }

  private static void checkUrl(String field, int index, String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (Set.of("http", "https").contains(scheme) && uri.getHost() != null) {
        return;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw invalid(field, index, "url_scheme", "'url' should be an http(s) URL or a data: URL");
  }

  /** The content, checked to be base64 (line breaks and spaces dropped, as Python's decoder drops them). */
  private static String base64(String field, int index, String content) {
    String compact = content.replaceAll("\\s+", "");
    try {
      Base64.getDecoder().decode(compact);
      return compact;
    } catch (IllegalArgumentException e) {
      throw invalid(field, index, "value_error", "'content' is not valid base64");
    }
  }

  private static ApiException invalid(String field, @Nullable Integer index, String type, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    error.put("loc", index == null ? List.of("body", field) : List.of("body", field, index));
    error.put("msg", field + (index == null ? "" : "[" + index + "]") + ": " + message);
    return ApiException.invalid(List.of(error));
  }

  private static Map<String, String> linked(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
