package dev.agentry.engine.knowledge.internal.base;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.knowledge.ContentUpload;
import dev.agentry.engine.knowledge.internal.ContentIds;
import dev.agentry.engine.model.KnowledgeDef;
import dev.agentry.engine.model.KnowledgeDef.SourceDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contents a Knowledge's spec declares ({@code sources}): each file of a {@code path} (a file, or a folder walked
 * recursively and filtered by the glob), each {@code url} and each {@code text}, with its content id and a
 * fingerprint of what it indexes (the file's bytes or the URL or the text, with the metadata), kept in the content's
 * {@code external_id} as {@code spec:<sha256>} so that a reload re-indexes only what changed.
 */
final class SourceSync {
  static final String PREFIX = "spec:";
  private static final Logger LOG = LoggerFactory.getLogger(SourceSync.class);

  private SourceSync() {}

  /**
   * One declared content.
   *
   * @param externalId {@code spec:} and the fingerprint
   * @param payload reads the content when its ingestion runs (a file is read again then)
   */
  record Declared(String contentId, String name, String externalId, String type, Map<String, Object> metadata,
      Payload payload) {}

  /** The declared contents, by content id in declaration order (a content declared twice counts once). */
  /**
   * @param root the spec folder: file ids hash the file's path relative to it, so moving the project keeps them
   */
  static Map<String, Declared> declared(KnowledgeDef def, Path root) {
    Map<String, Declared> all = new LinkedHashMap<>();
    for (SourceDef source : def.sources()) {
      try {
        for (Declared d : declared(source, root)) {
          all.putIfAbsent(d.contentId(), d);
        }
      } catch (IOException | UncheckedIOException e) {
        LOG.warn("knowledge {}: source {} could not be read: {}", def.id(), describe(source), e.getMessage());
      }
    }
    return all;
  }

  private static List<Declared> declared(SourceDef source, Path root) throws IOException {
    Map<String, Object> metadata = source.metadata();
    if (source.text() != null) {
      ContentUpload upload = ContentUpload.text(null, source.text(), metadata);
      return List.of(new Declared(ContentIds.of(upload), "text", fingerprint(source.text().getBytes(
          StandardCharsets.UTF_8), metadata), "text", metadata, Payload.of(upload)));
    }
    if (source.url() != null) {
      ContentUpload upload = new ContentUpload(null, null, metadata, source.url(), null, null, null, null, null,
          null, null, null);
      String name = source.url();
      return List.of(new Declared(ContentIds.of(upload), name, fingerprint(source.url().getBytes(
          StandardCharsets.UTF_8), metadata), "url", metadata, Payload.of(upload)));
    }
    Path path = source.path();
    if (path == null) {
      return List.of();
    }
    if (Files.isRegularFile(path)) {
      return List.of(file(path, path.getFileName().toString(), metadata, root));
    }
    if (!Files.isDirectory(path)) {
      throw new IOException("no such file or folder: " + path);
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + source.glob());
    boolean byName = !source.glob().contains("/") && !source.glob().contains("**");
    // "**/*.md" matches the folder's own files too, as in shells with globstar
    PathMatcher top = source.glob().startsWith("**/")
        ? FileSystems.getDefault().getPathMatcher("glob:" + source.glob().substring(3)) : matcher;
    List<Declared> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        Path relative = path.relativize(file);
        boolean matches = matcher.matches(byName ? relative.getFileName() : relative)
            || relative.getNameCount() == 1 && top.matches(relative);
        if (hidden(relative) || !matches) {
          continue;
        }
        files.add(file(file, relative.toString().replace('\\', '/'), metadata, root));
      }
    }
    return files;
  }

  private static Declared file(Path file, String name, Map<String, Object> metadata, Path root)
      throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String fileName = file.getFileName().toString();
    Path absolute = file.toAbsolutePath().normalize();
    String id = ContentIds.ofPath((absolute.startsWith(root) ? root.relativize(absolute) : absolute).toString()
        .replace('\\', '/'), metadata);
    return new Declared(id, name, fingerprint(bytes, metadata), extension(fileName), metadata,
        () -> upload(name, fileName, Files.readAllBytes(file), metadata));
  }

  private static ContentUpload upload(String name, String fileName, byte[] bytes, Map<String, Object> metadata) {
    return new ContentUpload(name, null, metadata, null, bytes, fileName, null, null, null, null, null, null);
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** A file's extension as the content's type ({@code md}, {@code pdf}), or {@code file} when it has none. */
  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 || dot == fileName.length() - 1 ? "file"
        : fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }

  private static String fingerprint(byte[] bytes, Map<String, Object> metadata) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(bytes);
      sha.update((byte) 0);
      sha.update(Json.MAPPER.writeValueAsBytes(new TreeMap<>(metadata)));
      return PREFIX + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(SourceDef source) {
    return source.path() != null ? source.path().toString() : source.url() != null ? source.url() : "text";
  }
}
