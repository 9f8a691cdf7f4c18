package dev.agentry.engine.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads the wait a provider asks for, in each of the forms providers send. */
class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  private static HttpHeaders headers(Map<String, String> values) {
    return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(
        Map.Entry::getKey, e -> List.of(e.getValue()))), (name, value) -> true);
  }

  @Test
  void reads_seconds_and_fractions_of_seconds() {
    assertThat(RetryAfter.parse("2", NOW)).isEqualTo(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse("0.25", NOW)).isEqualTo(Duration.ofMillis(250));
    assertThat(RetryAfter.parse("0", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void reads_an_http_date_relative_to_now() {
    assertThat(RetryAfter.parse("Sat, 01 Mar 2025 12:00:07 GMT", NOW)).isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("Sat, 01 Mar 2025 11:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void caps_long_waits_at_a_minute() {
    assertThat(RetryAfter.parse("3600", NOW)).isEqualTo(RetryAfter.MAX);
    assertThat(RetryAfter.parse("Sun, 02 Mar 2025 12:00:00 GMT", NOW)).isEqualTo(RetryAfter.MAX);
  }

  @Test
  void ignores_values_it_cannot_read() {
    assertThat(RetryAfter.parse("soon", NOW)).isNull();
    assertThat(RetryAfter.parse("-5", NOW)).isNull();
    assertThat(RetryAfter.parse("", NOW)).isNull();
    assertThat(RetryAfter.of(headers(Map.of()), NOW)).isNull();
  }

  @Test
  void prefers_openai_retry_after_ms() {
    assertThat(RetryAfter.of(headers(Map.of("retry-after-ms", "1500", "retry-after", "2")), NOW))
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(RetryAfter.of(headers(Map.of("Retry-After", "3")), NOW)).isEqualTo(Duration.ofSeconds(3));
  }
}
