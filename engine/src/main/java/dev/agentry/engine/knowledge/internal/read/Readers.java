package dev.agentry.engine.knowledge.internal.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Every reader, and which one reads a content of a given type, as Agno's {@code ReaderFactory} chooses: by the file
 * name's extension first, then by MIME type, else the plain text reader. Agno has no reader for HTML files (only its
 * crawler, {@code website}, for URLs); here the {@code website} reader also reads {@code .html} files and fetched
 * pages.
 */
public final class Readers {
  /** Agno's order ({@code ReaderFactory.get_all_reader_keys}): the URL reader first, then the others by id. */
  private static final List<Reader> ALL = List.of(new HtmlReader(), new CsvReader(), new DocxReader(),
      new JsonReader(), new MarkdownReader(), new PdfReader(), new TextReader());

  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry(".pdf", "pdf"),
      Map.entry(".csv", "csv"),
      Map.entry(".docx", "docx"),
      Map.entry(".doc", "docx"),
      Map.entry(".json", "json"),
      Map.entry(".md", "markdown"),
      Map.entry(".markdown", "markdown"),
      Map.entry(".html", "website"),
      Map.entry(".htm", "website"),
      Map.entry(".xhtml", "website"),
      Map.entry(".txt", "text"),
      Map.entry(".text", "text"));

  private static final Map<String, String> BY_MIME_TYPE = Map.ofEntries(
      Map.entry("application/pdf", "pdf"),
      Map.entry("text/csv", "csv"),
      Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
      Map.entry("application/msword", "docx"),
      Map.entry("application/json", "json"),
      Map.entry("text/markdown", "markdown"),
      Map.entry("text/x-markdown", "markdown"),
      Map.entry("text/html", "website"),
      Map.entry("application/xhtml+xml", "website"),
      Map.entry("text/plain", "text"));

  private Readers() {}

  /** Every reader, in the order {@code /knowledge/config} lists them. */
  public static List<Reader> all() {
    return ALL;
  }

  /** The reader of this id, if any. */
  public static Optional<Reader> byId(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The reader for a file name's extension or a MIME type; the plain text reader when neither is known. */
  public static Reader forContent(@Nullable String fileName, @Nullable String contentType) {
    String id = null;
    String extension = extension(fileName);
    if (extension != null) {
      id = BY_EXTENSION.get(extension);
    }
    if (id == null && contentType != null) {
      String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      id = BY_MIME_TYPE.get(mime);
    }
    return byId(id == null ? "text" : id).orElseThrow();
  }

  /** {@code readersForType} of {@code /knowledge/config}: content type (extension or "url", "text") to reader ids. */
  public static Map<String, List<String>> readersForType() {
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (Reader reader : ALL) {
      for (String type : reader.contentTypes()) {
        List<String> ids = byType.computeIfAbsent(type, t -> new ArrayList<>());
        if (!ids.contains(reader.id())) {
          ids.add(reader.id());
        }
      }
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    byType.forEach((type, ids) -> result.put(type, List.copyOf(ids)));
    return java.util.Collections.unmodifiableMap(result);
  }

  /** The lower-case extension of a file name or URL path with its dot ({@code .pdf}), or null. */
  static @Nullable String extension(@Nullable String fileName) {
    if (fileName == null) {
      return null;
    }
    String path = fileName;
    int cut = indexOfAny(path, '?', '#');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    String base = path.substring(slash + 1);
    int dot = base.lastIndexOf('.');
    return dot <= 0 ? null : base.substring(dot).toLowerCase(Locale.ROOT);
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
