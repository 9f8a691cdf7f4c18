package dev.agentry.server.http;

import dev.agentry.engine.llm.Media;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Uploaded files of a run form, sorted into images, audio, videos and documents by their Content-Type, or by their
 * extension when the type is missing or {@code application/octet-stream}, with the tables of Agno's
 * {@code os/utils.py} ({@code classify_upload_file}). A file of any other type is a 400 "Unsupported file type"; an
 * empty file is a 400 "Empty file" (Agno logs and skips it; a run should not silently lose an input).
 */
final class Uploads {
  static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp",
      "image/bmp", "image/tiff", "image/tif", "image/avif", "image/heic", "image/heif");
  static final Set<String> AUDIO_TYPES = Set.of("audio/wav", "audio/wave", "audio/mp3", "audio/mpeg", "audio/ogg",
      "audio/mp4", "audio/m4a", "audio/aac", "audio/flac");
  static final Set<String> VIDEO_TYPES = Set.of("video/x-flv", "video/quicktime", "video/mpeg", "video/mpegs",
      "video/mpgs", "video/mpg", "video/mp4", "video/webm", "video/wmv", "video/3gpp");
  /** The document types, which are also the MIME types Agno's {@code File} accepts. */
  static final List<String> DOCUMENT_TYPES = List.of("application/pdf", "application/json",
      "application/x-javascript",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/msword", "application/vnd.ms-powerpoint", "application/vnd.ms-excel", "application/vnd.ms-outlook",
      "text/javascript", "application/x-python", "text/x-python", "text/plain", "text/html", "text/css",
      "text/markdown", "text/csv", "text/xml", "text/rtf");
  /** Extension → the document's MIME type, for documents sent without a usable type. */
  private static final Map<String, String> DOCUMENT_EXTENSIONS = Map.ofEntries(
      Map.entry("pdf", "application/pdf"), Map.entry("json", "application/json"), Map.entry("js", "text/javascript"),
      Map.entry("docx", DOCUMENT_TYPES.get(3)), Map.entry("doc", "application/msword"),
      Map.entry("pptx", DOCUMENT_TYPES.get(4)), Map.entry("ppt", "application/vnd.ms-powerpoint"),
      Map.entry("xlsx", DOCUMENT_TYPES.get(5)), Map.entry("xls", "application/vnd.ms-excel"),
      Map.entry("msg", "application/vnd.ms-outlook"), Map.entry("py", "text/x-python"),
      Map.entry("txt", "text/plain"), Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
      Map.entry("css", "text/css"), Map.entry("md", "text/markdown"), Map.entry("markdown", "text/markdown"),
      Map.entry("csv", "text/csv"), Map.entry("xml", "text/xml"), Map.entry("rtf", "text/rtf"));
  private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp", "bmp", "tiff",
      "tif", "avif", "heic", "heif");
  private static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "mp3", "ogg", "m4a", "aac", "flac");
  private static final Set<String> VIDEO_EXTENSIONS = Set.of("flv", "mov", "mpeg", "mpg", "mp4", "webm", "wmv",
      "3gp");

  private Uploads() {}

  /** The media of the uploaded files, in order. */
  static List<Media> of(List<Multipart.Upload> uploads) {
    List<Media> media = new ArrayList<>(uploads.size());
    for (Multipart.Upload upload : uploads) {
      media.add(medium(upload));
    }
    return media;
  }

  private static Media medium(Multipart.Upload upload) {
    String type = upload.contentType();
    boolean ambiguous = type == null || type.isEmpty() || type.equals("application/octet-stream");
    String extension = extension(upload.filename());
    String format = extension != null ? extension : type == null ? null : type.substring(type.indexOf('/') + 1);
    String mime = ambiguous ? null : type;
    String category = category(type, ambiguous, extension);
    if (category == null) {
      throw ApiException.badRequest("Unsupported file type: " + upload.filename()
          + (type == null ? "" : " (" + type + ")"));
    }
    if (upload.bytes().length == 0) {
      throw ApiException.badRequest("Empty file: " + upload.filename());
    }
    return switch (category) {
      case "image" -> new Media.Image(null, null, base64(upload), mime, format, null);
      case "audio" -> Media.Audio.of(upload.bytes(), mime, format);
      case "video" -> Media.Video.of(upload.bytes(), mime, format);
      default -> Media.File.of(upload.bytes(), mime != null && DOCUMENT_TYPES.contains(mime) ? mime
          : extension == null ? mime : DOCUMENT_EXTENSIONS.get(extension), upload.filename());
    };
  }

  private static @Nullable String category(@Nullable String type, boolean ambiguous, @Nullable String extension) {
    if (type != null && IMAGE_TYPES.contains(type)) {
      return "image";
    } else if (type != null && AUDIO_TYPES.contains(type)) {
      return "audio";
    } else if (type != null && VIDEO_TYPES.contains(type)) {
      return "video";
    } else if (DOCUMENT_TYPES.contains(type)) {
      return "document";
    } else if (!ambiguous || extension == null) {
      return null;
    } else if (DOCUMENT_EXTENSIONS.containsKey(extension)) {
      return "document";
    } else if (IMAGE_EXTENSIONS.contains(extension)) {
      return "image";
    } else if (AUDIO_EXTENSIONS.contains(extension)) {
      return "audio";
    }
    return VIDEO_EXTENSIONS.contains(extension) ? "video" : null;
  }

  private static @Nullable String extension(String filename) {
    int dot = filename.lastIndexOf('.');
    return dot < 0 || dot == filename.length() - 1 ? null : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String base64(Multipart.Upload upload) {
    return java.util.Base64.getEncoder().encodeToString(upload.bytes());
  }
}
