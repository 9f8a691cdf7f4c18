package dev.agentry.server.http.dto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One nested settings object of Agno's component responses ({@code sessions}, {@code system_message}, ...): only
 * the settings that are set and differ from Agno's default, as Agno's {@code filter_meaningful_config} keeps them.
 */
final class Settings {
  private final Map<String, Object> values = new LinkedHashMap<>();

  /** Adds {@code value} when it is set. */
  Settings put(String key, @Nullable Object value) {
    if (value != null) {
      values.put(key, value);
    }
    return this;
  }

  /** Adds {@code value} when it is set and is not Agno's default. */
  Settings put(String key, @Nullable Object value, Object agnoDefault) {
    return agnoDefault.equals(value) ? this : put(key, value);
  }

  /** The settings kept; null when none is (Agno then leaves the object out). */
  @Nullable Map<String, Object> build() {
    return values.isEmpty() ? null : Collections.unmodifiableMap(values);
  }
}
