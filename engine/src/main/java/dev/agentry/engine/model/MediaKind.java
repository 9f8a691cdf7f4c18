package dev.agentry.engine.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A kind of input medium, as a {@code Model} resource's {@code input_media} names it and as Agno groups a run's
 * media ({@code images}, {@code audio}, {@code videos}, {@code files}).
 */
public enum MediaKind {
  IMAGE,
  AUDIO,
  VIDEO,
  FILE;

  /** The name written in specs and messages: "image", "audio", "video" or "file". */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind a spec names, if any. */
  public static Optional<MediaKind> of(String wireName) {
    for (MediaKind kind : values()) {
      if (kind.wireName().equals(wireName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
