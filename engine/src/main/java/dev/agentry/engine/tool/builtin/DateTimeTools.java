package dev.agentry.engine.tool.builtin;

import dev.agentry.engine.tool.Tool;
import dev.agentry.engine.tool.ToolResult;
import dev.agentry.engine.tool.ToolkitException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code datetime} builtin toolkit: the current date and time in a timezone ({@code current_time}) and conversion
 * of a time between timezones ({@code convert_time}).
 *
 * <p>Option {@code timezone} (an IANA name such as {@code Europe/Paris}, default {@code UTC}) is the zone used when
 * the model names none. Times print as ISO-8601 with their offset, with the weekday beside them, because models are
 * bad at working out weekdays themselves.
 */
public final class DateTimeTools {
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
  /** ISO-8601 date and time, 'T' or a space between them, then an optional offset and [zone], as models write. */
  private static final DateTimeFormatter INPUT = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
      .toFormatter(Locale.ROOT);

  private DateTimeTools() {}

  /** Creates the datetime functions on the system clock; matches {@link dev.agentry.engine.tool.ToolFactory}. */
  public static List<Tool> create(Map<String, Object> options, Path baseDir) {
    return create(options, baseDir, Clock.systemUTC());
  }

  /** Creates the datetime functions reading "now" from {@code clock} (tests pass a fixed clock). */
  public static List<Tool> create(Map<String, Object> options, Path baseDir, Clock clock) {
    ToolOptions opts = ToolOptions.of("datetime", options, Set.of("timezone"));
    String configured = opts.string("timezone");
    ZoneId defaultZone = configured == null
        ? ZoneId.of("UTC")
        : findZone(configured).orElseThrow(() -> new ToolkitException(
            "datetime: option 'timezone' names an unknown timezone '" + configured + "' (use an IANA name such as"
                + " Europe/Paris)"));
    return List.of(
        FunctionTool.computing("current_time",
            "Get the current date and time (ISO-8601 with offset) and weekday in a timezone; the default timezone is "
                + defaultZone.getId() + ".",
            ParameterSchema.object()
                .optional("timezone", "string",
                    "IANA timezone name such as Europe/Paris or America/New_York; default " + defaultZone.getId()
                        + ".")
                .build(),
            (args, context) -> {
              String name = args.optionalString("timezone");
              ZoneId zone = name == null || name.isBlank() ? defaultZone : zone(name);
              return ToolResult.of(JsonText.of(describe(ZonedDateTime.now(clock.withZone(zone)))));
            }),
        FunctionTool.computing("convert_time",
            "Convert a date and time from one timezone to another. The time is ISO-8601 such as 2024-05-01T14:30, or"
                + " just 14:30 for today in the source timezone.",
            ParameterSchema.object()
                .required("time", "string", "The time to convert: 2024-05-01T14:30, 2024-05-01 14:30:00 or 14:30.")
                .required("from_timezone", "string", "IANA timezone the time is in, such as America/New_York.")
                .required("to_timezone", "string", "IANA timezone to convert to, such as Asia/Tokyo.")
                .build(),
            (args, context) -> {
              ZoneId from = zone(args.string("from_timezone"));
              ZoneId to = zone(args.string("to_timezone"));
              ZonedDateTime source = parse(args.string("time"), from, clock);
              Map<String, Object> result = new LinkedHashMap<>();
              result.put("from", describe(source));
              result.put("to", describe(source.withZoneSameInstant(to)));
              return ToolResult.of(JsonText.of(result));
            }));
  }

  private static Map<String, Object> describe(ZonedDateTime time) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("timezone", time.getZone().getId());
    fields.put("datetime", ISO.format(time));
    fields.put("weekday", time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    return fields;
  }

  /** Reads a date-time, or a bare time of today; an offset in the text wins over {@code zone}. */
  private static ZonedDateTime parse(String text, ZoneId zone, Clock clock) {
    String trimmed = text.strip();
    try {
      if (trimmed.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
        LocalTime time = LocalTime.parse(trimmed.length() == 4 ? "0" + trimmed : trimmed);
        return ZonedDateTime.of(LocalDate.now(clock.withZone(zone)), time, zone);
      }
      TemporalAccessor parsed = INPUT.parseBest(trimmed, ZonedDateTime::from, LocalDateTime::from);
      return parsed instanceof ZonedDateTime zoned ? zoned : ZonedDateTime.of((LocalDateTime) parsed, zone);
    } catch (DateTimeParseException e) {
      throw new ToolFailure("cannot read the time '" + text + "': use ISO-8601 such as 2024-05-01T14:30 or 14:30");
    }
  }

  private static ZoneId zone(String name) {
    return findZone(name).orElseThrow(() -> new ToolFailure(
        "unknown timezone '" + name + "': use an IANA name such as Europe/Paris, America/New_York or UTC"));
  }

  /** Exact IANA names, offsets such as {@code +02:00}, and IANA names in the wrong letter case. */
  static Optional<ZoneId> findZone(@Nullable String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String trimmed = name.strip();
    try {
      return Optional.of(ZoneId.of(trimmed));
    } catch (DateTimeException e) {
      return ZoneId.getAvailableZoneIds().stream()
          .filter(id -> id.equalsIgnoreCase(trimmed))
          .findFirst()
          .map(ZoneId::of);
    }
  }
}
