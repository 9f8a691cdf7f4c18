package dev.agentry.engine.knowledge.internal;

import dev.agentry.engine.internal.PythonJson;
import dev.agentry.engine.knowledge.ContentUpload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Content ids as Agno computes them ({@code Knowledge._build_content_hash} and {@code generate_id}): the SHA-256 hex
 * of the parts that identify the content joined by {@code :}, turned into a UUIDv5 in the DNS namespace. The parts
 * are the name, the description and the metadata (as Python's {@code json.dumps(sort_keys=True)} writes it) when
 * present, then what the content is: the URL, the file name (else its MIME type, else its size) or the path. Adding
 * the same content again therefore finds the existing id.
 *
 * <p>Two choices differ from Agno, both so that ids never collide silently: inline text is identified by a hash of
 * the text itself ({@code str:} and 16 hex digits, Agno's own fallback for file data with no name or type) where
 * Agno uses only the constant {@code manual}, which gives every unnamed text upload the same id; and a file whose
 * bytes change keeps its id, as in Agno, so the runtime compares {@link #fingerprint(byte[])}s to re-index it.
 */
public final class ContentIds {
  /** The DNS namespace of RFC 4122, which Agno's {@code uuid.uuid5(uuid.NAMESPACE_DNS, seed)} uses. */
  private static final UUID NAMESPACE_DNS = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

  private ContentIds() {}

  /**
   * The id of uploaded (or tool-added, or spec-declared) content. A missing name is taken from the file name, else
   * the URL, before hashing, as Agno's upload route does.
   */
  public static String of(ContentUpload upload) {
    List<String> parts = new ArrayList<>();
    String name = upload.name();
    if (isEmpty(name)) {
      name = upload.file() != null ? upload.fileName() : upload.url();
    }
    identity(parts, name, upload.description(), upload.metadata());
    if (!isEmpty(upload.url())) {
      parts.add(upload.url());
    } else if (upload.file() != null) {
      if (!isEmpty(upload.fileName())) {
        parts.add(upload.fileName());
      } else if (!isEmpty(upload.contentType())) {
        parts.add(upload.contentType());
      } else {
        parts.add(String.valueOf(upload.file().length));
      }
    } else if (upload.text() != null) {
      parts.add("str:" + fingerprint(upload.text().getBytes(StandardCharsets.UTF_8)).substring(0, 16));
    } else {
      throw new IllegalArgumentException("A content needs a url, a file or a text.");
    }
    return fromHash(sha256Hex(String.join(":", parts)));
  }

  /**
   * The id of a file a spec's {@code path} source names, as Agno hashes a path: the path as given (Agentry passes
   * it relative to the spec folder, so moving the project keeps the ids) with the source's metadata; the file's
   * bytes are not part of it, so an edited file keeps its id and is re-indexed in place.
   */
  public static String ofPath(String path, Map<String, Object> metadata) {
    List<String> parts = new ArrayList<>();
    identity(parts, null, null, metadata);
    parts.add(path);
    return fromHash(sha256Hex(String.join(":", parts)));
  }

  /** The SHA-256 of a content's bytes, in lower-case hex: what tells the runtime that a file changed. */
  public static String fingerprint(byte[] bytes) {
    return HexFormat.of().formatHex(digest(bytes));
  }

  /** Agno's {@code generate_id(seed)}: the UUIDv5 of the seed in the DNS namespace. */
  static String fromHash(String seed) {
    return uuid5(NAMESPACE_DNS, seed).toString();
  }

  private static void identity(List<String> parts, @Nullable String name, @Nullable String description,
      Map<String, Object> metadata) {
    if (!isEmpty(name)) {
      parts.add(name);
    }
    if (!isEmpty(description)) {
      parts.add(description);
    }
    if (!metadata.isEmpty()) {
      parts.add(PythonJson.dumpsSorted(metadata));
    }
  }

  private static UUID uuid5(UUID namespace, String name) {
    byte[] ns = new byte[16];
    long msb = namespace.getMostSignificantBits();
    long lsb = namespace.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      ns[i] = (byte) (msb >>> (8 * (7 - i)));
      ns[8 + i] = (byte) (lsb >>> (8 * (7 - i)));
    }
    MessageDigest sha1 = messageDigest("SHA-1");
    sha1.update(ns);
    sha1.update(name.getBytes(StandardCharsets.UTF_8));
    byte[] hash = sha1.digest();
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (hash[i] & 0xff);
      low = (low << 8) | (hash[8 + i] & 0xff);
    }
    return new UUID(high, low);
  }

  private static String sha256Hex(String text) {
    return fingerprint(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] digest(byte[] bytes) {
    return messageDigest("SHA-256").digest(bytes);
  }

  private static MessageDigest messageDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }

  private static boolean isEmpty(@Nullable String s) {
    return s == null || s.isEmpty();
  }
}
