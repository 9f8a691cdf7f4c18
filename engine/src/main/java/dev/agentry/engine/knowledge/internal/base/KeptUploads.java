package dev.agentry.engine.knowledge.internal.base;

import dev.agentry.engine.internal.Json;
import dev.agentry.engine.knowledge.ContentUpload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The uploads of a Knowledge (API and tool), kept so that they can be indexed again when the index, the embedder or
 * the chunking changes, or after a restart of an in-memory index: on disk in {@code folder} (one {@code .json} of
 * the upload's fields and one {@code .bin} of its file per content), or in memory when the folder is null. URL
 * uploads keep only the URL: they are fetched again.
 */
final class KeptUploads {
  private final @Nullable Path folder;
  private final Map<String, ContentUpload> memory = new ConcurrentHashMap<>();

  KeptUploads(@Nullable Path folder) {
    this.folder = folder;
  }

  /** The fields of an upload except its file bytes, as kept on disk. */
  record Fields(@Nullable String name, @Nullable String description, Map<String, Object> metadata,
      @Nullable String url, @Nullable String fileName, @Nullable String contentType, @Nullable String text,
      @Nullable String readerId, @Nullable String chunker, @Nullable Integer chunkSize, @Nullable Integer overlap,
      boolean hasFile) {}

  void keep(String contentId, ContentUpload upload) {
    if (folder == null) {
      memory.put(contentId, upload);
      return;
    }
    try {
      Files.createDirectories(folder);
      if (upload.file() != null) {
        Files.write(folder.resolve(contentId + ".bin"), upload.file());
      }
      Fields fields = new Fields(upload.name(), upload.description(), upload.metadata(), upload.url(),
          upload.fileName(), upload.contentType(), upload.text(), upload.readerId(), upload.chunker(),
          upload.chunkSize(), upload.overlap(), upload.file() != null);
      Files.writeString(folder.resolve(contentId + ".json"), Json.MAPPER.writeValueAsString(fields));
    } catch (IOException e) {
      throw new UncheckedIOException("could not keep the upload in " + folder, e);
    }
  }

  /** The kept upload of a content, if any. */
  Optional<ContentUpload> find(String contentId) {
    if (folder == null) {
      return Optional.ofNullable(memory.get(contentId));
    }
    Path json = folder.resolve(contentId + ".json");
    if (!Files.isRegularFile(json)) {
      return Optional.empty();
    }
    try {
      Fields f = Json.MAPPER.readValue(Files.readString(json), Fields.class);
      byte[] file = f.hasFile() ? Files.readAllBytes(folder.resolve(contentId + ".bin")) : null;
      return Optional.of(new ContentUpload(f.name(), f.description(), f.metadata() == null ? Map.of() : f.metadata(),
          f.url(), file, f.fileName(), f.contentType(), f.text(), f.readerId(), f.chunker(), f.chunkSize(),
          f.overlap()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  void drop(String contentId) {
    memory.remove(contentId);
    if (folder != null) {
      try {
        Files.deleteIfExists(folder.resolve(contentId + ".json"));
        Files.deleteIfExists(folder.resolve(contentId + ".bin"));
      } catch (IOException e) {
        // a leftover file is harmless: it is overwritten by the same content's next upload
      }
    }
  }

  void dropAll() {
    memory.clear();
    if (folder != null && Files.isDirectory(folder)) {
      try (var files = Files.list(folder)) {
        files.forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // as in drop
      }
    }
  }
}
