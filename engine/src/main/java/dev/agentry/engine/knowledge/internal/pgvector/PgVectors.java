package dev.agentry.engine.knowledge.internal.pgvector;

import org.jspecify.annotations.Nullable;

/** pgvector's text form of a vector, {@code [0.1,0.2,...]}, both ways. */
final class PgVectors {
  private PgVectors() {}

  static String text(float[] vector) {
    StringBuilder text = new StringBuilder(vector.length * 12).append('[');
    for (int i = 0; i < vector.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(vector[i]);
    }
    return text.append(']').toString();
  }

  static float @Nullable [] parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String inner = text.strip();
    inner = inner.substring(1, inner.length() - 1);
    if (inner.isBlank()) {
      return new float[0];
    }
    String[] parts = inner.split(",");
    float[] vector = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      vector[i] = Float.parseFloat(parts[i].strip());
    }
    return vector;
  }
}
