package dev.agentry.engine.knowledge.internal.chunk;

import java.util.regex.Pattern;

/** Text helpers the chunkers share, as Agno's {@code ChunkingStrategy} has them. */
final class Texts {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private Texts() {}

  /**
   * Agno's {@code clean_text}: every run of whitespace (newlines included) becomes one space; nothing is trimmed.
   */
  static String clean(String text) {
    return WHITESPACE.matcher(text).replaceAll(" ");
  }
}
