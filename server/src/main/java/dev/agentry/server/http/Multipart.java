package dev.agentry.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code multipart/form-data} body (RFC 7578) read in one pass from the request stream: the text fields by name,
 * and the uploaded files.
 *
 * <p>Why our own parser and not Jetty's: a run request is a handful of small text fields, for which the servlet
 * layer's part machinery (part objects, temporary files) cost 0.7 ms of CPU per run, more than the run's own work.
 * File parts (media uploads) go through the same pass rather than to Jetty, because their bytes are needed in
 * memory anyway (they are base64-encoded into the stored run and the provider request): streaming them from the
 * socket into one buffer per part, with the body's size bound checked as the bytes arrive, costs no temporary file
 * and refuses an oversized upload as soon as it crosses the limit, without reading the rest.
 *
 * @param fields the text fields, each name with its values in order
 * @param files the file parts ({@code filename=} or {@code filename*=} in their Content-Disposition), in order
 */
record Multipart(Map<String, List<String>> fields, List<Upload> files) {
  /** The longest header block of one part; longer ones are refused, as a web server refuses long header lines. */
  static final int MAX_HEADER_BYTES = 8 * 1024;
  /** RFC 2046 allows 70 characters; a longer boundary is refused rather than searched for. */
  private static final int MAX_BOUNDARY = 200;
  private static final int BUFFER = 16 * 1024;

  /**
   * An uploaded file.
   *
   * @param field the form field it was sent as (Agno's run routes use {@code files})
   * @param filename its name, decoded ({@code filename*} wins over {@code filename}, as RFC 6266 says)
   * @param contentType the part's Content-Type without parameters, or null
   */
  record Upload(String field, String filename, @Nullable String contentType, byte[] bytes) {}

  /** The body is not well-formed multipart; the message says where. */
  static final class MalformedException extends RuntimeException {
    MalformedException(String message) {
      super(message, null, false, false);
    }
  }

  /** The body is longer than the limit; nothing after the limit was read. */
  static final class TooLargeException extends RuntimeException {
    TooLargeException() {
      super("too large", null, false, false);
    }
  }

  /**
   * Reads a body with the boundary of {@code contentType} from {@code in}, reading at most {@code maxBytes}.
   *
   * @param length the body's Content-Length, or -1 when unknown; a small form gets a buffer of its own size
   *
   * @throws MalformedException when the boundary is missing, unused, or a part is cut short
   * @throws TooLargeException when the body is longer than {@code maxBytes}
   */
  static Multipart read(InputStream in, String contentType, long maxBytes, long length) throws IOException {
    String boundary = boundary(contentType);
    Reader body = new Reader(in, maxBytes, length < 0 ? BUFFER : (int) Math.min(BUFFER, Math.max(length, 256)));
    byte[] first = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    if (!body.skipPrefix(first) && !body.readUntil(delimiter, null, Long.MAX_VALUE)) {
      throw new MalformedException("the body does not contain the boundary");
    }
    Map<String, List<String>> fields = new LinkedHashMap<>();
    List<Upload> files = new ArrayList<>();
    while (true) {
      if (body.skipPrefix(new byte[] {'-', '-'})) {
        return new Multipart(fields, files);
      }
      if (!body.skipPrefix(new byte[] {'\r', '\n'})) {
        throw new MalformedException("a boundary is not followed by a line break");
      }
      ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
      if (!body.readUntil(new byte[] {'\r', '\n', '\r', '\n'}, headerBytes, MAX_HEADER_BYTES)) {
        throw new MalformedException("unexpected end of the body in a part's headers");
      }
      PartHeaders headers = PartHeaders.parse(headerBytes.toString(StandardCharsets.UTF_8));
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      if (!body.readUntil(delimiter, content, Long.MAX_VALUE)) {
        throw new MalformedException("unexpected end of the body in a part");
      }
      if (headers.name() == null) {
        throw new MalformedException("a part has no Content-Disposition name");
      }
      if (headers.filename() != null) {
        files.add(new Upload(headers.name(), headers.filename(), headers.contentType(), content.toByteArray()));
      } else {
        fields.computeIfAbsent(headers.name(), k -> new ArrayList<>(1)).add(content.toString(StandardCharsets.UTF_8));
      }
    }
  }

  private static String boundary(String contentType) {
    String value = PartHeaders.parameters(contentType).get("boundary");
    if (value == null || value.isEmpty()) {
      throw new MalformedException("the Content-Type has no boundary");
    }
    if (value.length() > MAX_BOUNDARY) {
      throw new MalformedException("the boundary is longer than " + MAX_BOUNDARY + " characters");
    }
    return value;
  }

  /** A window over the request stream: searches for a delimiter while copying what precedes it, bounded. */
  private static final class Reader {
    private final InputStream in;
    private final long maxBytes;
    private final byte[] buf;
    private int pos;
    private int lim;
    private long total;
    private boolean eof;

    Reader(InputStream in, long maxBytes, int size) {
      this.in = in;
      this.maxBytes = maxBytes;
      this.buf = new byte[size + MAX_BOUNDARY + 8];
    }

    /** Reads more bytes after those not yet consumed; false at the end of the body. */
    private boolean fill() throws IOException {
      if (eof) {
        return false;
      }
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
      }
      int n = in.read(buf, lim, buf.length - lim);
      if (n < 0) {
        eof = true;
        return false;
      }
      total += n;
      if (total > maxBytes) {
        throw new TooLargeException();
      }
      lim += n;
      return true;
    }

    /** Consumes {@code prefix} when the unread bytes start with it. */
    boolean skipPrefix(byte[] prefix) throws IOException {
      while (lim - pos < prefix.length) {
        if (!fill()) {
          return false;
        }
      }
      for (int i = 0; i < prefix.length; i++) {
        if (buf[pos + i] != prefix[i]) {
          return false;
        }
      }
      pos += prefix.length;
      return true;
    }

    /**
     * Copies the bytes before the next {@code delimiter} to {@code out} (dropped when null) and consumes the
     * delimiter; false when the body ends first.
     *
     * @throws MalformedException when more than {@code max} bytes precede the delimiter
     */
    boolean readUntil(byte[] delimiter, @Nullable ByteArrayOutputStream out, long max) throws IOException {
      long copied = 0;
      while (true) {
        int at = indexOf(delimiter);
        int end = at >= 0 ? at : Math.max(pos, lim - delimiter.length + 1);
        copied += end - pos;
        if (copied > max) {
          throw new MalformedException("a part's headers are longer than " + max + " bytes");
        }
        if (out != null) {
          out.write(buf, pos, end - pos);
        }
        pos = end;
        if (at >= 0) {
          pos += delimiter.length;
          return true;
        }
        if (!fill()) {
          return false;
        }
      }
    }

    private int indexOf(byte[] target) {
      outer:
      for (int i = pos; i <= lim - target.length; i++) {
        for (int j = 0; j < target.length; j++) {
          if (buf[i + j] != target[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
