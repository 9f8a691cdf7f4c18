package dev.agentry.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a participant's runs start from when the request does not say: the session and user, the initial session
 * state, the dependencies and metadata (the request's keys win over these).
 */
public record SessionDefaults(
    @Nullable String sessionId,
    @Nullable String userId,
    Map<String, Object> sessionState,
    Map<String, Object> dependencies,
    Map<String, Object> metadata) {
  public SessionDefaults {
    sessionState = frozen(sessionState);
    dependencies = frozen(dependencies);
    metadata = frozen(metadata);
  }

  /** An unmodifiable copy that keeps the written order (and null values). */
  private static Map<String, Object> frozen(Map<String, Object> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
