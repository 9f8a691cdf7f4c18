package dev.agentry.engine.knowledge;

import java.util.Locale;

/** How a knowledge search matches: by embedding similarity, by keywords (BM25 or full text), or both fused. */
public enum SearchType {
  VECTOR,
  KEYWORD,
  HYBRID;

  /** The name specs and the API use: {@code vector}, {@code keyword}, {@code hybrid}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The search type a spec or request names, case-insensitively; IllegalArgumentException for another word. */
  public static SearchType of(String key) {
    for (SearchType type : values()) {
      if (type.key().equalsIgnoreCase(key.strip())) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown search type '" + key + "'; use vector, keyword or hybrid");
  }
}
