package dev.agentry.engine.knowledge.internal.base;

import dev.agentry.engine.internal.http.GuardedHttp;
import dev.agentry.engine.internal.http.HostPolicy;
import dev.agentry.engine.internal.http.HttpFailure;
import dev.agentry.engine.knowledge.ContentUpload;
import dev.agentry.engine.knowledge.Document;
import dev.agentry.engine.knowledge.KnowledgeException;
import dev.agentry.engine.knowledge.internal.read.Reader;
import dev.agentry.engine.knowledge.internal.read.Readers;
import dev.agentry.engine.llm.Cancellation;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads an upload into documents: inline text as is, a file with the reader its {@code reader_id}, name or type
 * chooses, a URL fetched through the guarded HTTP client (public addresses only, redirects checked, at most
 * {@link #MAX_BYTES}) and read by its Content-Type or extension.
 */
final class ContentReader {
  static final long MAX_BYTES = 50L * 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String USER_AGENT = "Agentry-Knowledge/1.0";

  private final HostPolicy.Resolver resolver;

  ContentReader(HostPolicy.Resolver resolver) {
    this.resolver = resolver;
  }

  static ContentReader create() {
    return new ContentReader(InetAddress::getAllByName);
  }

  /** What was read: the documents and the size in bytes of what they were read from. */
  record Read(List<Document> documents, long size) {}

  Read read(ContentUpload upload, String name) {
    Map<String, Object> metadata = upload.metadata();
    if (upload.text() != null) {
      String text = upload.text();
      return new Read(List.of(new Document(name, text, metadata)),
          text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
    if (upload.file() != null) {
      Reader reader = reader(upload.readerId(), upload.fileName() != null ? upload.fileName() : name,
          upload.contentType());
      return new Read(reader.read(name, upload.file(), metadata), upload.file().length);
    }
    if (upload.url() != null) {
      return fetch(upload, name);
    }
    throw new IllegalArgumentException("the content has no url, file or text");
  }

  private Read fetch(ContentUpload upload, String name) {
    URI uri;
    try {
      uri = URI.create(upload.url().strip());
    } catch (IllegalArgumentException e) {
      throw new KnowledgeException("'" + upload.url() + "' is not a valid URL");
    }
    GuardedHttp.Response response;
    try (GuardedHttp http = new GuardedHttp(policy(uri), MAX_BYTES, TIMEOUT, USER_AGENT, true)) {
      response = http.exchange(uri, "GET", null, Map.of(), Cancellation.NONE);
    } catch (HttpFailure e) {
      throw new KnowledgeException("fetching " + uri.getHost() + " failed: " + e.getMessage(), e);
    }
    if (response.status() >= 400) {
      throw new KnowledgeException("fetching " + upload.url() + " failed with HTTP status " + response.status());
    }
    if (response.body() == null || response.truncated()) {
      throw new KnowledgeException(upload.url() + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
    }
    byte[] bytes = response.body().bytes();
    String type = response.contentType().isEmpty() ? null : mime(response.contentType());
    Reader reader = reader(upload.readerId(), lastSegment(response.uri()), type);
    Map<String, Object> metadata = new HashMap<>(upload.metadata());
    metadata.putIfAbsent("url", upload.url());
    return new Read(reader.read(name, bytes, metadata), bytes.length);
  }

  /**
   * The URL's host (and its {@code www.} twin) on public addresses only: a redirect elsewhere is refused, as is a
   * private or loopback address.
   */
  private HostPolicy policy(URI uri) {
    String host = uri.getHost() == null ? "" : HostPolicy.normalize(uri.getHost());
    String twin = host.startsWith("www.") ? host.substring(4) : "www." + host;
    return new HostPolicy(List.of(host, twin), false, resolver, new HostPolicy.Advice(
        "knowledge URLs are fetched from their own host only", "knowledge URLs must be on the public internet"));
  }

  static Reader reader(@Nullable String readerId, @Nullable String fileName, @Nullable String contentType) {
    if (readerId != null) {
      return Readers.byId(readerId).orElseThrow(() -> new IllegalArgumentException("unknown reader '" + readerId
          + "'; the readers are " + String.join(", ", Readers.all().stream().map(Reader::id).toList())));
    }
    return Readers.forContent(fileName, contentType);
  }

  private static String mime(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** The last segment of a URL's path ("" when it has none), which names the content and hints at its type. */
  static String lastSegment(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
