package dev.agentry.engine.run;

import org.jspecify.annotations.Nullable;

/**
 * How a Knowledge of the current catalog is doing, for {@code /specs/status}.
 *
 * @param id the Knowledge resource's name
 * @param index its index kind ({@code lucene}, {@code memory}, {@code pgvector})
 * @param failure why it could not be opened; null when it is open
 */
public record KnowledgeStatus(String id, String index, @Nullable String failure) {
  public boolean isOpen() {
    return failure == null;
  }
}
