package dev.agentry.engine.tool.builtin;

import static dev.agentry.engine.tool.builtin.ToolCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.ToolkitException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateTimeToolsTest {
  /** A Wednesday, noon UTC. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);

  private static List<Tool> tools(Map<String, Object> options) {
    return DateTimeTools.create(options, Path.of("."), CLOCK);
  }

  private static String ok(List<Tool> tools, String name, String arguments) {
    ToolResult result = call(tools, name, arguments);
    assertThat(result.outcome()).as(result.content()).isEqualTo(ToolResult.Outcome.OK);
    return result.content();
  }

  @Test
  void current_time_defaults_to_utc_with_offset_and_weekday() {
    assertThat(ok(tools(Map.of()), "current_time", "{}"))
        .isEqualTo("{\"timezone\": \"UTC\", \"datetime\": \"2024-05-01T12:00:00+00:00\", \"weekday\": \"Wednesday\"}");
  }

  @Test
  void current_time_uses_the_timezone_the_model_names() {
    assertThat(ok(tools(Map.of()), "current_time", "{\"timezone\": \"Asia/Tokyo\"}"))
        .contains("\"datetime\": \"2024-05-01T21:00:00+09:00\"");
    assertThat(ok(tools(Map.of()), "current_time", "{\"timezone\": \"America/Los_Angeles\"}"))
        .contains("\"datetime\": \"2024-05-01T05:00:00-07:00\"");
  }

  @Test
  void the_timezone_option_sets_the_default_and_names_are_matched_ignoring_case() {
    List<Tool> paris = tools(Map.of("timezone", "Europe/Paris"));
    assertThat(ok(paris, "current_time", "{}"))
        .isEqualTo("{\"timezone\": \"Europe/Paris\", \"datetime\": \"2024-05-01T14:00:00+02:00\","
            + " \"weekday\": \"Wednesday\"}");
    assertThat(ok(paris, "current_time", "{\"timezone\": \"asia/tokyo\"}")).contains("\"timezone\": \"Asia/Tokyo\"");
    assertThat(ToolCalls.find(paris, "current_time").definition().description()).contains("Europe/Paris");
  }

  @Test
  void an_unknown_timezone_is_an_error_naming_it() {
    ToolResult result = call(tools(Map.of()), "current_time", "{\"timezone\": \"Mars/Olympus\"}");
    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.ERROR);
    assertThat(result.content()).contains("unknown timezone 'Mars/Olympus'");
  }

  @Test
  void an_unknown_timezone_option_is_refused_naming_the_option() {
    assertThatThrownBy(() -> tools(Map.of("timezone", "Mars/Olympus")))
        .isInstanceOf(ToolkitException.class)
        .hasMessageContaining("'timezone'")
        .hasMessageContaining("Mars/Olympus");
  }

  @Test
  void convert_time_moves_a_local_time_between_timezones() {
    String result = ok(tools(Map.of()), "convert_time",
        "{\"time\": \"2024-01-15T09:00\", \"from_timezone\": \"America/New_York\","
            + " \"to_timezone\": \"Europe/London\"}");
    assertThat(result).isEqualTo("{\"from\": {\"timezone\": \"America/New_York\", \"datetime\":"
        + " \"2024-01-15T09:00:00-05:00\", \"weekday\": \"Monday\"}, \"to\": {\"timezone\": \"Europe/London\","
        + " \"datetime\": \"2024-01-15T14:00:00+00:00\", \"weekday\": \"Monday\"}}");
  }

  @Test
  void convert_time_crosses_the_date_line_and_reports_the_new_weekday() {
    assertThat(ok(tools(Map.of()), "convert_time",
        "{\"time\": \"2024-05-01 23:00\", \"from_timezone\": \"UTC\", \"to_timezone\": \"Asia/Tokyo\"}"))
        .contains("\"datetime\": \"2024-05-02T08:00:00+09:00\", \"weekday\": \"Thursday\"");
  }

  @Test
  void convert_time_reads_a_bare_time_as_today_in_the_source_timezone() {
    // At the fixed instant it is already 21:00 on May 1st in Tokyo.
    assertThat(ok(tools(Map.of()), "convert_time",
        "{\"time\": \"23:30\", \"from_timezone\": \"Asia/Tokyo\", \"to_timezone\": \"UTC\"}"))
        .contains("\"to\": {\"timezone\": \"UTC\", \"datetime\": \"2024-05-01T14:30:00+00:00\"");
  }

  @Test
  void convert_time_honours_an_offset_written_in_the_time() {
    assertThat(ok(tools(Map.of()), "convert_time",
        "{\"time\": \"2024-05-01T10:00:00+02:00\", \"from_timezone\": \"UTC\", \"to_timezone\": \"UTC\"}"))
        .contains("\"to\": {\"timezone\": \"UTC\", \"datetime\": \"2024-05-01T08:00:00+00:00\"");
  }

  @Test
  void convert_time_explains_a_time_it_cannot_read() {
    ToolResult result = call(tools(Map.of()), "convert_time",
        "{\"time\": \"next tuesday\", \"from_timezone\": \"UTC\", \"to_timezone\": \"UTC\"}");
    assertThat(result.outcome()).isEqualTo(ToolResult.Outcome.ERROR);
    assertThat(result.content()).contains("'next tuesday'").contains("ISO-8601");
  }
}
