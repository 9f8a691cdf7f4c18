package dev.agentry.engine.llm.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splits event streams the way the WHATWG rules and real providers write them. */
class SseReaderTest {
  private static List<SseEvent> read(String body) {
    SseReader reader = new SseReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    List<SseEvent> events = new ArrayList<>();
    for (SseEvent event = reader.next(); event != null; event = reader.next()) {
      events.add(event);
    }
    return events;
  }

  @Test
  void reads_data_lines_and_event_names() {
    assertThat(read("event: ping\ndata: {\"type\": \"ping\"}\n\ndata: [DONE]\n\n")).containsExactly(
        new SseEvent("ping", "{\"type\": \"ping\"}"), new SseEvent("message", "[DONE]"));
  }

  @Test
  void joins_multi_line_data_with_newlines() {
    assertThat(read("data: first\ndata:second\ndata:  third\n\n"))
        .containsExactly(new SseEvent("message", "first\nsecond\n third"));
  }

  @Test
  void accepts_crlf_and_lone_cr_line_ends() {
    assertThat(read("event: a\r\ndata: one\r\n\r\ndata: two\r\rdata: three\n\n")).containsExactly(
        new SseEvent("a", "one"), new SseEvent("message", "two"), new SseEvent("message", "three"));
  }

  @Test
  void skips_comments_ids_retries_and_blocks_without_data() {
    assertThat(read(": OPENROUTER PROCESSING\n\nid: 7\nretry: 100\n\nevent: lonely\n\ndata: x\n\n"))
        .containsExactly(new SseEvent("message", "x"));
  }

  @Test
  void keeps_an_empty_data_line_as_an_empty_event() {
    assertThat(read("data\n\n")).containsExactly(new SseEvent("message", ""));
  }

  @Test
  void drops_an_unterminated_event_at_the_end_of_the_body() {
    assertThat(read("data: whole\n\ndata: {\"cut\": ")).containsExactly(new SseEvent("message", "whole"));
  }

  @Test
  void reads_multi_byte_characters_split_across_reads() {
    assertThat(read("data: caf\u00e9 \u2615 \uD83D\uDE00\n\n")).containsExactly(
        new SseEvent("message", "caf\u00e9 \u2615 \uD83D\uDE00"));
  }
}
