package dev.agentry.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The headers of one multipart part that a form reads: the Content-Disposition {@code name} and {@code filename}
 * (RFC 7578 §4.2), and the Content-Type. Parameter values may be tokens or quoted strings with backslash escapes
 * (RFC 9110 §5.6.4); {@code filename*} is an RFC 5987 extended value ({@code UTF-8''caf%C3%A9.txt}) and wins over
 * {@code filename} (RFC 6266 §4.3).
 *
 * @param name the field name, or null when the part has none
 * @param filename the file name when the part is a file, else null
 * @param contentType the media type without parameters, lower case, or null
 */
record PartHeaders(@Nullable String name, @Nullable String filename, @Nullable String contentType) {

  /** Parses a part's header block (lines separated by CRLF). */
  static PartHeaders parse(String block) {
    Map<String, String> disposition = Map.of();
    String contentType = null;
    for (String line : block.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String header = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (header.equals("content-disposition")) {
        disposition = parameters(value);
      } else if (header.equals("content-type")) {
        int semicolon = value.indexOf(';');
        contentType = (semicolon < 0 ? value : value.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
      }
    }
    String filename = disposition.containsKey("filename*") ? extended(disposition.get("filename*"))
        : disposition.get("filename");
    return new PartHeaders(disposition.get("name"), filename, contentType);
  }

  /**
   * The {@code key=value} parameters after the first {@code ;} of a header value, keys in lower case, quoted values
   * unquoted and unescaped. A {@code ;} inside quotes does not end a value.
   */
  static Map<String, String> parameters(String headerValue) {
    Map<String, String> params = new LinkedHashMap<>();
    int i = headerValue.indexOf(';');
    int n = headerValue.length();
    while (i >= 0 && i < n) {
      i++; // past ';'
      int eq = headerValue.indexOf('=', i);
      int semicolon = headerValue.indexOf(';', i);
      if (eq < 0 || semicolon >= 0 && semicolon < eq) {
        i = semicolon;
        continue;
      }
      String key = headerValue.substring(i, eq).strip().toLowerCase(Locale.ROOT);
      int at = eq + 1;
      while (at < n && headerValue.charAt(at) == ' ') {
        at++;
      }
      StringBuilder value = new StringBuilder();
      if (at < n && headerValue.charAt(at) == '"') {
        at++;
        while (at < n && headerValue.charAt(at) != '"') {
          char c = headerValue.charAt(at);
          if (c == '\\' && at + 1 < n) {
            c = headerValue.charAt(++at);
          }
          value.append(c);
          at++;
        }
        at++; // past the closing quote
        i = headerValue.indexOf(';', Math.min(at, n));
      } else {
        int end = headerValue.indexOf(';', at);
        value.append(headerValue, at, end < 0 ? n : end);
        i = end;
        String stripped = value.toString().strip();
        value.setLength(0);
        value.append(stripped);
      }
      params.putIfAbsent(key, value.toString());
    }
    return params;
  }

  /** An RFC 5987 {@code charset'language'percent-encoded} value; the raw text when it is not one. */
  private static String extended(String value) {
    int first = value.indexOf('\'');
    int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0) {
      return value;
    }
    Charset charset;
    try {
      charset = Charset.forName(value.substring(0, first).strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      charset = StandardCharsets.UTF_8;
    }
    String encoded = value.substring(second + 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length() && hex(encoded.charAt(i + 1)) >= 0
          && hex(encoded.charAt(i + 2)) >= 0) {
        bytes.write(hex(encoded.charAt(i + 1)) * 16 + hex(encoded.charAt(i + 2)));
        i += 2;
      } else {
        byte[] raw = String.valueOf(c).getBytes(charset);
        bytes.write(raw, 0, raw.length);
      }
    }
    return bytes.toString(charset);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
