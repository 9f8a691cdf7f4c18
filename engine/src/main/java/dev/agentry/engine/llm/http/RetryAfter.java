package dev.agentry.engine.llm.http;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Reads how long a provider asked us to wait before retrying, from its {@code Retry-After} headers. */
final class RetryAfter {
  /** A provider asking for more than this is treated as asking for this: a run should fail rather than hang. */
  static final Duration MAX = Duration.ofSeconds(60);

  private RetryAfter() {}

  /**
   * The wait from {@code retry-after-ms} (OpenAI's, more precise) or {@code Retry-After} (seconds or an HTTP-date),
   * capped at {@link #MAX}; null when neither header is usable.
   */
  static @Nullable Duration of(HttpHeaders headers, Instant now) {
    Duration millis = parseMillis(headers.firstValue("retry-after-ms").orElse(null));
    return millis != null ? cap(millis) : parse(headers.firstValue("retry-after").orElse(null), now);
  }

  static @Nullable Duration parse(@Nullable String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      double seconds = Double.parseDouble(text);
      if (seconds < 0 || Double.isNaN(seconds)) {
        return null;
      }
      return cap(Duration.ofMillis((long) Math.min(seconds * 1000, 1e12)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return cap(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static @Nullable Duration parseMillis(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double millis = Double.parseDouble(value.strip());
      return millis < 0 || Double.isNaN(millis) ? null : Duration.ofMillis((long) Math.min(millis, 1e12));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Duration cap(Duration wait) {
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }
}
