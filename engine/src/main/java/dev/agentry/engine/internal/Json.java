package dev.agentry.engine.internal;

import tools.jackson.databind.json.JsonMapper;

/** The engine's one plain JSON mapper (field names as written), for wire formats and tool arguments. */
public final class Json {
  /** Thread-safe and shared; never reconfigure it. */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}
}
