package dev.agentry.server.http;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A base64 {@code data:} URL (RFC 2397), {@code data:image/png;base64,iVBOR...}, as clients send an inline image in
 * a {@code url} field.
 *
 * @param mimeType the media type, or null when the URL names none
 * @param base64 the data, still base64
 */
record DataUrl(@Nullable String mimeType, String base64) {
  /** The parts of a base64 data: URL; empty when the text is not one. */
  static Optional<DataUrl> parse(String url) {
    int comma = url.indexOf(',');
    if (!url.regionMatches(true, 0, "data:", 0, 5) || comma < 0) {
      return Optional.empty();
    }
    String meta = url.substring(5, comma);
    if (!meta.toLowerCase(Locale.ROOT).endsWith(";base64")) {
      return Optional.empty();
    }
    String type = meta.substring(0, meta.length() - 7);
    int parameter = type.indexOf(';');
    type = (parameter < 0 ? type : type.substring(0, parameter)).strip().toLowerCase(Locale.ROOT);
    return Optional.of(new DataUrl(type.isEmpty() ? null : type, url.substring(comma + 1)));
  }
}
