package dev.agentry.engine.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * At most {@code max} bytes of a stream, read in chunks so that a huge body never sits in memory whole.
 *
 * @param bytes the bytes read, never more than the limit
 * @param truncated whether the stream had more than the limit
 */
public record BoundedBody(byte[] bytes, boolean truncated) {
  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");

  public static BoundedBody read(InputStream in, long max) throws IOException {
    int limit = (int) Math.min(max, Integer.MAX_VALUE - 16);
    byte[] buffer = new byte[Math.min(limit, 64 * 1024)];
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        if (length == limit) {
          // One byte more than the limit says whether anything was cut, without reading the rest.
          return new BoundedBody(buffer, in.read() != -1);
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) limit, buffer.length * 2L));
      }
      int n = in.read(buffer, length, buffer.length - length);
      if (n < 0) {
        return new BoundedBody(Arrays.copyOf(buffer, length), false);
      }
      length += n;
    }
  }

  /** The bytes as text in the charset a Content-Type names, UTF-8 otherwise; bad bytes become U+FFFD. */
  public String text(String contentType) {
    return new String(bytes, charset(contentType));
  }

  /** Whether a Content-Type names text a model can read (HTML, JSON, XML, CSV ...); an absent one counts as text. */
  public static boolean isText(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.isBlank() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
        || type.contains("javascript") || type.contains("yaml") || type.contains("csv")
        || type.contains("x-www-form-urlencoded");
  }

  private static Charset charset(String contentType) {
    Matcher matcher = CHARSET.matcher(contentType);
    if (matcher.find()) {
      try {
        return Charset.forName(matcher.group(1));
      } catch (IllegalArgumentException e) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }
}
