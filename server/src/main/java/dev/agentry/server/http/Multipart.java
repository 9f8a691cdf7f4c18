package dev.agentry.server.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/form-data} body (RFC 7578) read in one pass over its bytes: the text fields by name, and the
 * names of the fields that carry files. Run requests are a handful of small text fields, for which the servlet
 * layer's general parser (temporary files, part objects) costs more than the run's own work.
 *
 * @param fields the text fields, each name with its values in order
 * @param files the names of the fields that carry a file ({@code filename=} in their Content-Disposition)
 */
record Multipart(Map<String, List<String>> fields, List<String> files) {
  /** The longest header block of one part; longer ones are refused, as a web server refuses long header lines. */
  static final int MAX_HEADER_BYTES = 8 * 1024;

  /** The body is not well-formed multipart; the message says where. */
  static final class MalformedException extends RuntimeException {
    MalformedException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Parses {@code body} with the boundary of {@code contentType}.
   *
   * @throws MalformedException when the boundary is missing, unused, or a part is cut short
   */
  static Multipart parse(byte[] body, String contentType) {
    byte[] delimiter = ("--" + boundary(contentType)).getBytes(StandardCharsets.ISO_8859_1);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    List<String> files = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    if (at < 0 || at > 0 && !precededByNewline(body, at)) {
      throw new MalformedException("the body does not contain the boundary");
    }
    while (true) {
      at += delimiter.length;
      if (startsWith(body, at, "--")) {
        return new Multipart(fields, files);
      }
      if (!startsWith(body, at, "\r\n")) {
        throw new MalformedException("a boundary is not followed by a line break");
      }
      int headersStart = at + 2;
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0 || headersEnd - headersStart > MAX_HEADER_BYTES) {
        throw new MalformedException(headersEnd < 0 ? "unexpected end of the body in a part's headers"
            : "a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
      }
      String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
      int contentStart = headersEnd + 4;
      int next = indexOf(body, crlf(delimiter), contentStart);
      if (next < 0) {
        throw new MalformedException("unexpected end of the body in a part");
      }
      String name = parameter(headers, "name");
      if (name == null) {
        throw new MalformedException("a part has no Content-Disposition name");
      }
      if (parameter(headers, "filename") != null) {
        files.add(name);
      } else {
        fields.computeIfAbsent(name, k -> new ArrayList<>(1))
            .add(new String(body, contentStart, next - contentStart, StandardCharsets.UTF_8));
      }
      at = next + 2;
    }
  }

  private static String boundary(String contentType) {
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
        String value = p.substring(9);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        if (!value.isEmpty()) {
          return value;
        }
      }
    }
    throw new MalformedException("the Content-Type has no boundary");
  }

  /** A parameter of the Content-Disposition header ({@code name="..."}), or null. */
  private static String parameter(String headers, String key) {
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0 || !line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-disposition")) {
        continue;
      }
      for (String param : line.substring(colon + 1).split(";")) {
        String p = param.strip();
        int eq = p.indexOf('=');
        if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(key)) {
          String value = p.substring(eq + 1).strip();
          return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
              ? value.substring(1, value.length() - 1).replace("\\\"", "\"") : value;
        }
      }
    }
    return null;
  }

  private static byte[] crlf(byte[] delimiter) {
    byte[] withBreak = new byte[delimiter.length + 2];
    withBreak[0] = '\r';
    withBreak[1] = '\n';
    System.arraycopy(delimiter, 0, withBreak, 2, delimiter.length);
    return withBreak;
  }

  private static boolean precededByNewline(byte[] body, int at) {
    return at >= 2 && body[at - 2] == '\r' && body[at - 1] == '\n';
  }

  private static boolean startsWith(byte[] body, int at, String text) {
    if (at + text.length() > body.length) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (body[at + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] target, int from) {
    outer:
    for (int i = Math.max(0, from); i <= body.length - target.length; i++) {
      for (int j = 0; j < target.length; j++) {
        if (body[i + j] != target[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
