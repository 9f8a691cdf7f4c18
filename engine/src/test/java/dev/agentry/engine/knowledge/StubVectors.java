package dev.agentry.engine.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Deterministic embeddings for tests: a hashed bag of words, L2-normalised, so texts sharing words are close (cosine
 * is the share of common words) and texts sharing none are orthogonal (barring a hash collision). Used in process by
 * the index conformance suite and over HTTP by {@link EmbeddingsStub}.
 */
public final class StubVectors {
  private StubVectors() {}

  /** The embedding of {@code text} with {@code dimensions} floats; a text without words gets the first axis. */
  public static float[] embed(String text, int dimensions) {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be at least 1, got " + dimensions);
    }
    float[] vector = new float[dimensions];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        vector[Math.floorMod(fnv1a(word), dimensions)] += 1f;
      }
    }
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    if (norm == 0) {
      vector[0] = 1f;
      return vector;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < dimensions; i++) {
      vector[i] *= scale;
    }
    return vector;
  }

  /** The cosine similarity of two vectors of the same size. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static int fnv1a(String word) {
    int hash = 0x811c9dc5;
    for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return hash;
  }
}
